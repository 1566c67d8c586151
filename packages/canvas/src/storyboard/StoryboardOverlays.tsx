import { useEffect, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { PaneCycling } from './PaneCycling'
import { SkipLinks } from './SkipLinks'
import { FindBar } from './find/FindBar'
import { SlotCollisionRepair } from './sequence/SlotCollisionRepair'
import { ReferenceDropAttachment } from './references/ReferenceDropAttachment'
import { ReferenceFollowing } from './references/ReferenceFollowing'
import { ShotCopies } from './duplicates/ShotCopies'
import { PastedAssetCopies } from '../assets/PastedAssetCopies'
import { ReferenceLibrary } from './references/ReferenceLibrary'
import { GenerationQueuePanel } from '../generation/GenerationQueuePanel'
import { HistoryPanel } from '../history/HistoryPanel'
import { VersionPanel } from '../versions/VersionPanel'
import { versionPanelAsksOf } from '../versions/versionPanelAsk'
import { CanvasMarkupLayer } from '../review/markup/CanvasMarkupLayer'
import { BoardMembersFeed } from '../board/BoardMembersFeed'

/**
 * What the storyboard puts in front of the canvas: the reference library, the generation queue,
 * the selected shot's versions and the board's history, the find bar, a comment's drawing over its shot, plus the behaviour that needs the
 * editor and its UI (reference drops on shots, references following shots, pictures pasted from other boards
 * copied into this one, F6 between panes and the skip links to them,
 * a scene's slots repaired after concurrent reorders, the board's members kept for who draws each shot).
 */
export function StoryboardOverlays() {
  // Versions and History open in the same place (below the toggles, over what is to their right)
  // and are both read against the canvas: like an inspector's tabs, opening one closes the other,
  // so neither ever shows half under the other.
  const [inspecting, setInspecting] = useState<'versions' | 'history' | null>(null)
  const inspect = (panel: 'versions' | 'history') => (open: boolean) => setInspecting((now) => (open ? panel : now === panel ? null : now))
  // A frame's "Show takes" (its take unreadable) opens Versions on that shot.
  const editor = useEditor()
  const versionAsks = useValue('version panel asks', () => versionPanelAsksOf(editor).get(), [editor])
  useEffect(() => {
    if (versionAsks > 0) setInspecting('versions')
  }, [versionAsks])
  return (
    <>
      {/* First, under the panels: a comment's drawing over its shot's frame. */}
      <CanvasMarkupLayer />
      {/* The queue last: its toggle's label grows and shrinks as generations start and end, and a
          toggle to its right would jump away from a click aimed at it (onto the canvas, which
          then clears the selection). */}
      <div className="floating-panels">
        <ReferenceLibrary />
        <VersionPanel open={inspecting === 'versions'} onOpenChange={inspect('versions')} />
        <HistoryPanel open={inspecting === 'history'} onOpenChange={inspect('history')} />
        <GenerationQueuePanel />
      </div>
      <FindBar />
      <ReferenceDropAttachment />
      <ReferenceFollowing />
      <ShotCopies />
      <PastedAssetCopies />
      <PaneCycling />
      <SkipLinks />
      <SlotCollisionRepair />
      <BoardMembersFeed />
    </>
  )
}
