import { DefaultMainMenu, DefaultMainMenuContent, TldrawUiMenuGroup } from 'tldraw'
import { DuplicateBoardMenuItem } from '../../board/DuplicateBoardMenuItem'
import { PrintMenuItem } from '../../print/PrintMenuItem'
import { ShotPlanMenuGroup } from './ShotPlanMenuGroup'

/** tldraw's main menu with the storyboard's own entries after its own. */
export function StoryboardMainMenu() {
  return (
    <DefaultMainMenu>
      <DefaultMainMenuContent />
      <ShotPlanMenuGroup />
      <PrintMenuItem />
      <TldrawUiMenuGroup id="board">
        <DuplicateBoardMenuItem />
      </TldrawUiMenuGroup>
    </DefaultMainMenu>
  )
}
