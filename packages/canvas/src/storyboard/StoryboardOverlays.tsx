import { ReferenceDropAttachment } from './references/ReferenceDropAttachment'
import { ReferenceFollowing } from './references/ReferenceFollowing'
import { ReferenceLibrary } from './references/ReferenceLibrary'
import { VersionPanel } from '../versions/VersionPanel'
import { HistoryPanel } from '../history/HistoryPanel'

/**
 * What the storyboard puts in front of the canvas: the reference library, the selected shot's
 * versions, the board's history, plus the behaviour
 * that needs the editor and its UI (reference drops on shots, references following shots).
 */
export function StoryboardOverlays() {
  return (
    <>
      <ReferenceLibrary />
      <ReferenceDropAttachment />
      <ReferenceFollowing />
      <VersionPanel />
      <HistoryPanel />
    </>
  )
}
