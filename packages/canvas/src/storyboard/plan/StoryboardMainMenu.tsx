import { DefaultMainMenu, DefaultMainMenuContent, TldrawUiMenuActionItem, TldrawUiMenuGroup } from 'tldraw'
import { DuplicateBoardMenuItem } from '../../board/DuplicateBoardMenuItem'
import { PrintMenuItem } from '../../print/PrintMenuItem'
import { ShotPlanMenuGroup } from './ShotPlanMenuGroup'
import { FIND_ACTION_ID } from '../find/findAction'
import { SoundtrackMenuItem } from '../../soundtrack/SoundtrackMenuItem'

/** tldraw's main menu with the storyboard's own entries after its own. */
export function StoryboardMainMenu() {
  return (
    <DefaultMainMenu>
      <DefaultMainMenuContent />
      <TldrawUiMenuGroup id="find">
        <TldrawUiMenuActionItem actionId={FIND_ACTION_ID} />
      </TldrawUiMenuGroup>
      <ShotPlanMenuGroup />
      <PrintMenuItem />
      <TldrawUiMenuGroup id="soundtrack">
        <SoundtrackMenuItem />
      </TldrawUiMenuGroup>
      <TldrawUiMenuGroup id="board">
        <DuplicateBoardMenuItem />
      </TldrawUiMenuGroup>
    </DefaultMainMenu>
  )
}
