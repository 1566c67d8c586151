import { DefaultMainMenu, DefaultMainMenuContent } from 'tldraw'
import { ShotPlanMenuGroup } from './ShotPlanMenuGroup'

/** tldraw's main menu with the storyboard's own entries after its own. */
export function StoryboardMainMenu() {
  return (
    <DefaultMainMenu>
      <DefaultMainMenuContent />
      <ShotPlanMenuGroup />
    </DefaultMainMenu>
  )
}
