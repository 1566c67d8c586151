import { PaneCycling } from './PaneCycling'
import { SlotCollisionRepair } from './sequence/SlotCollisionRepair'
import { ReferenceDropAttachment } from './references/ReferenceDropAttachment'
import { ReferenceFollowing } from './references/ReferenceFollowing'
import { ReferenceLibrary } from './references/ReferenceLibrary'
import { GenerationQueuePanel } from '../generation/GenerationQueuePanel'
import { HistoryPanel } from '../history/HistoryPanel'
import { VersionPanel } from '../versions/VersionPanel'

/**
 * What the storyboard puts in front of the canvas: the reference library, the generation queue,
 * the selected shot's versions and the board's history, plus the behaviour that needs the
 * editor and its UI (reference drops on shots, references following shots, F6 between panes,
 * a scene's slots repaired after concurrent reorders).
 */
export function StoryboardOverlays() {
  return (
    <>
      {/* The queue last: its toggle's label grows and shrinks as generations start and end, and a
          toggle to its right would jump away from a click aimed at it (onto the canvas, which
          then clears the selection). */}
      <div className="floating-panels">
        <ReferenceLibrary />
        <VersionPanel />
        <HistoryPanel />
        <GenerationQueuePanel />
      </div>
      <ReferenceDropAttachment />
      <ReferenceFollowing />
      <PaneCycling />
      <SlotCollisionRepair />
    </>
  )
}
