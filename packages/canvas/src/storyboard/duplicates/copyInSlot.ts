import type { Editor, TLShapeId } from 'tldraw'
import { compareByOrderThenId } from '@storyloom/shared/storyboard/sequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardSequenceModel } from '../sequence/boardSequenceModel'
import { carriedWith } from '../sequence/movesWithShot'
import { openRowSlot } from '../sequence/openRowSlot'
import { canvasSpotFor } from '../sequence/sequenceCommands'

/** A copy made by Duplicate or paste, and the shot it is a copy of. */
export interface CopyOfShot {
  readonly copyId: TLShapeId
  readonly originalId: TLShapeId
}

/**
 * Puts copies of shots where "new shot after" their original would put a new shot (see
 * `insertShot`): between two shots of a row that reads in sequence order, the shots after the
 * original slide right and the copy takes the opened slot; elsewhere it goes beside its
 * original, at the first free spot along the row. Copies are placed in sequence order, each in
 * the row as the previous ones left it, so shots duplicated together read A, A′, B, B′. The
 * copy's camera moves, docked references and sketch go with it. Run it before the next history
 * stopping point after the copies were made (so it is their undo step); a copy under another
 * parent than its original (another page, a frame) stays where it is.
 */
export function placeCopiesInSlots(editor: Editor, copies: readonly CopyOfShot[]): void {
  const shot = (id: TLShapeId) => editor.getShape<TLShotShape>(id)
  const waiting = copies
    .filter(({ copyId, originalId }) => {
      const [copy, original] = [shot(copyId), shot(originalId)]
      return copy && original && copy.parentId === original.parentId && original.parentId === editor.getCurrentPageId()
    })
    .sort((a, b) => {
      const [x, y] = [shot(a.originalId)!, shot(b.originalId)!]
      return compareByOrderThenId({ id: x.id, order: x.props.order }, { id: y.id, order: y.props.order })
    })
  const unplaced = new Set(waiting.map((c) => c.copyId))
  for (const { copyId, originalId } of waiting) {
    const copy = shot(copyId)!
    // The copies still waiting (with what they carry) are not neighbours and take no room yet.
    const ignore = new Set<string>([...unplaced].flatMap((id) => carriedWith(editor, shot(id)!)))
    const { sequence } = boardSequenceModel(editor).get()
    const size = { w: copy.props.w, h: copy.props.h }
    openRowSlot(editor, sequence, { after: originalId }, [size], ignore)
    const spot = canvasSpotFor(editor, sequence, { after: originalId }, size, ignore)
    moveWithCompanions(editor, copy, { x: spot.x - copy.x, y: spot.y - copy.y })
    unplaced.delete(copyId)
  }
}

/**
 * Moves a shot with its camera moves and docked references in one go (its sketch, a child,
 * comes along by itself). Moving them together, rather than leaving them to the reference
 * following, keeps them on the copy whatever tldraw did to them while duplicating.
 */
function moveWithCompanions(editor: Editor, shot: TLShotShape, delta: { x: number; y: number }): void {
  if (delta.x === 0 && delta.y === 0) return
  const onPage = carriedWith(editor, shot).flatMap((id) => {
    const shape = editor.getShape(id)
    return shape && (id === shot.id || shape.parentId === shot.parentId) ? [shape] : []
  })
  editor.updateShapes(onPage.map((s) => ({ id: s.id, type: s.type, x: s.x + delta.x, y: s.y + delta.y })))
}
