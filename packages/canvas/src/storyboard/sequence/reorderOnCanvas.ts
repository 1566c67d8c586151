import type { Editor, TLShapeId } from 'tldraw'
import { buildSequence, shotsOfScene, type Sequence, type ShotOrderUpdate } from '@storyloom/shared/storyboard/sequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { carriedWith, coversOtherShapes, movedBoxes, shotBox } from './movesWithShot'
import { slotsAfterReorder } from './reorderSlots'
import { overlaps, type PageBox } from './shotPlacementOnCanvas'

/**
 * Moves the shots of a scene reordered in the sequence (in the strip) on the canvas too, as
 * cards re-pinned on a board: they take the scene's slots in the new order
 * (`slotsAfterReorder`), so a canvas that read as the strip still does, and later inserts
 * still open a slot in the right place. Run it inside the caller's `editor.run`, so the reorder
 * and the moves are one undo step and one change for collaborators. Returns whether anything
 * moved.
 *
 * A scene that shots joined is left as it is (they are placed by `placeShotsJoiningScene`); one
 * that shots left closes up behind them — run it after they are placed, so the slots they
 * leave are free. The canvas stays as it is when the
 * scene did not read in sequence order before (the user laid it out their own way), when some
 * of its shots are on another page, when a shot to move is locked, or when a moved shot, its
 * pinned references or camera moves would cover any other shape. What is attached to a moved
 * shot goes with it, as in `openRowSlot`.
 *
 * `sequence` is the one before `updates`; `leftFrom`, where shots that left a scene were before
 * they were placed in their new one.
 */
export function reorderScenesOnCanvas(
  editor: Editor,
  sequence: Sequence,
  updates: readonly ShotOrderUpdate[],
  leftFrom: ReadonlyMap<string, PageBox> = new Map(),
): boolean {
  const byId = new Map(updates.map((u) => [u.id, u]))
  const after = buildSequence(
    sequence.scenes,
    sequence.entries.map(({ shot }) => ({ ...shot, ...byId.get(shot.id) })),
  )
  let moved = false
  // The scenes shots were reordered in, and those shots left (whose rows close up behind them).
  const sceneBefore = new Map(sequence.entries.map(({ shot }) => [shot.id, shot.sceneId]))
  const scenes = new Set(updates.flatMap((u) => (sceneBefore.has(u.id) ? [u.sceneId, sceneBefore.get(u.id)!] : [u.sceneId])))
  for (const sceneId of scenes) {
    const ids = (s: Sequence) => shotsOfScene(s, sceneId).map((shot) => shot.id)
    moved = reorderSceneOnCanvas(editor, ids(sequence), ids(after), leftFrom) || moved
  }
  return moved
}

/**
 * One scene: `before` its shots' ids in the old order, `after` in the new. A scene shots joined
 * is left to `placeShotsJoiningScene`; one that shots left closes up (`slotsAfterReorder`).
 */
function reorderSceneOnCanvas(editor: Editor, before: readonly string[], after: readonly string[], leftFrom: ReadonlyMap<string, PageBox>): boolean {
  if (!after.every((id) => before.includes(id)) || (before.length === after.length && before.every((id, i) => after[i] === id))) return false
  const shots = before.map((id) => editor.getShape<TLShotShape>(id as TLShapeId))
  const pageId = editor.getCurrentPageId()
  if (!shots.every((s): s is TLShotShape => s?.parentId === pageId)) return false
  const slots = slotsAfterReorder(
    shots.map((s) => ({ id: s.id, ...(leftFrom.get(s.id) ?? shotBox(s)) })),
    after,
  )
  if (!slots || slots.size === 0) return false

  const moving = shots.filter((s) => slots.has(s.id) && after.includes(s.id))
  // A locked shot stays where it is (tldraw does not move it), so the slots could not swap.
  if (moving.some((s) => editor.isShapeOrAncestorLocked(s))) return false
  const groups = moving.map((shot) => {
    const to = slots.get(shot.id)!
    const ids = carriedWith(editor, shot)
    return { ids, boxes: movedBoxes(editor, ids, { x: to.x - shot.x, y: to.y - shot.y }) }
  })
  const all = groups.flatMap((g) => g.boxes)
  if (coversOtherShapes(editor, all, new Set(groups.flatMap((g) => g.ids)))) return false
  // Shots of different widths (or with references in their column) could meet one another.
  const meet = groups.some((g, i) => groups.slice(i + 1).some((h) => g.boxes.some((a) => h.boxes.some((b) => overlaps(a, b)))))
  if (meet) return false

  editor.updateShapes<TLShotShape>(moving.map((s) => ({ id: s.id, type: 'shot', ...slots.get(s.id)! })))
  return true
}
