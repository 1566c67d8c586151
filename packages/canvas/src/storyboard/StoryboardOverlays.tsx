import { ReferenceDropAttachment } from './references/ReferenceDropAttachment'
import { ReferenceFollowing } from './references/ReferenceFollowing'
import { ReferenceLibrary } from './references/ReferenceLibrary'
import { GenerationQueuePanel } from '../generation/GenerationQueuePanel'

/**
 * What the storyboard puts in front of the canvas: the reference library, plus the behaviour
 * that needs the editor and its UI (reference drops on shots, references following shots).
 */
export function StoryboardOverlays() {
  return (
    <>
      <div className="floating-panels">
        <ReferenceLibrary />
        <GenerationQueuePanel />
      </div>
      <ReferenceDropAttachment />
      <ReferenceFollowing />
    </>
  )
}
