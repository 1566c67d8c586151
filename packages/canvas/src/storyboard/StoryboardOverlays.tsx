import { ReferenceDropAttachment } from './references/ReferenceDropAttachment'
import { ReferenceFollowing } from './references/ReferenceFollowing'
import { ReferenceLibrary } from './references/ReferenceLibrary'
import { GenerationQueuePanel } from '../generation/GenerationQueuePanel'
import { HistoryPanel } from '../history/HistoryPanel'
import { VersionPanel } from '../versions/VersionPanel'

/**
 * What the storyboard puts in front of the canvas: the reference library, the generation queue,
 * the selected shot's versions and the board's history, plus the behaviour that needs the
 * editor and its UI (reference drops on shots, references following shots).
 */
export function StoryboardOverlays() {
  return (
    <>
      <div className="floating-panels">
        <ReferenceLibrary />
        <GenerationQueuePanel />
        <VersionPanel />
        <HistoryPanel />
      </div>
      <ReferenceDropAttachment />
      <ReferenceFollowing />
    </>
  )
}
