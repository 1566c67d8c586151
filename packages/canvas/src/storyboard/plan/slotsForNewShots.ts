import type { Editor, TLShapeId } from 'tldraw'
import type { ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardSequenceModel } from '../sequence/boardSequenceModel'
import { openRowSlot } from '../sequence/openRowSlot'

/**
 * Opens a slot in the board's rows for each run of a plan's new shots that goes in after a shot
 * already on the board (`placeAfter`, a new shot's predecessor, itself new or on the board), as
 * "New shot after" does (`openRowSlot`): the shots after that one on its row slide right, so the
 * new shots, placed beside it, read in the plan's order. A run at the start of a scene, before
 * its first shot on the board (`placeBefore`, that shot), opens a slot at the start of that
 * shot's row the same way: it and the shots after it slide right. Run it inside the import's
 * `editor.run`, before the new shots are in, so the slide is part of the import's undo step.
 * Returns whether anything moved.
 */
export function openSlotsForNewShots(
  editor: Editor,
  plan: ShotPlan,
  existing: (id: TLShapeId) => TLShotShape | undefined,
  placeAfter: ReadonlyMap<TLShapeId, TLShapeId>,
  placeBefore: ReadonlyMap<TLShapeId, TLShapeId> = new Map(),
): boolean {
  // Each board shot with the new shots that follow it, in the plan's order.
  const runs = new Map<TLShapeId, { w: number; h: number }[]>()
  for (const shot of plan.shots) {
    if (existing(shot.id)) continue
    let anchor = placeAfter.get(shot.id)
    // Back along the new shots to the board shot the run follows (the chain only goes backwards in the plan).
    for (let hops = 0; anchor && !existing(anchor) && hops < plan.shots.length; hops++) anchor = placeAfter.get(anchor)
    if (!anchor || !existing(anchor)) continue
    ;(runs.get(anchor) ?? runs.set(anchor, []).get(anchor)!).push({ w: shot.w, h: shot.h })
  }
  const leading = new Map<TLShapeId, { w: number; h: number }[]>()
  for (const shot of plan.shots) {
    const next = placeBefore.get(shot.id)
    if (next && existing(next) && !existing(shot.id)) (leading.get(next) ?? leading.set(next, []).get(next)!).push({ w: shot.w, h: shot.h })
  }
  const { sequence } = boardSequenceModel(editor).get()
  let moved = false
  for (const [anchor, sizes] of runs) moved = openRowSlot(editor, sequence, { after: anchor }, sizes) || moved
  for (const [next, sizes] of leading) moved = openRowSlot(editor, sequence, { before: next }, sizes) || moved
  return moved
}
