import type { Editor, TLShapeId } from 'tldraw'
import { shotsOfScene, type Sequence, type ShotPlacement } from '@storyloom/shared/storyboard/sequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { carriedWith, coversOtherShapes, movedBoxes, shotBox } from './movesWithShot'
import { onRowOf } from './reorderSlots'
import { NEW_SHOT_GAP, type PageBox } from './shotPlacementOnCanvas'

/**
 * Makes room on the canvas for shots inserted between two shots of a scene's row, or before its
 * first, as a storyboard artist opens a slot on a pinboard: the shots after the insertion point
 * on that row slide right by just enough for the new shots (each with its reference column), so
 * the new shots can go right after their predecessor (at the start: where the first shot stood,
 * the row keeping its left edge in line with the other scenes') and the row keeps reading in
 * sequence order. Returns whether
 * anything moved; the caller then places the shots beside their neighbour as usual
 * (`canvasSpotFor`), which finds the opened slot. Run it inside the caller's `editor.run`, so the
 * insert and the slide are one undo step and one change for collaborators.
 *
 * Only slides along the predecessor's row when that row (the scene's shots at about its height,
 * left to right) is in sequence order and the successor is the next shot on it (at the start of
 * the scene: the first), and only the
 * run of shots that the slot pushes (a gap wide enough to take the push stops it). Shots on
 * other rows and in other scenes never move. Nothing moves when a shot to slide is locked, or
 * when a slid shot, its pinned references or camera moves, or the slot itself would cover any
 * other shape: the caller then falls back to the first free spot along the row. What is
 * attached to a slid shot goes with it as when the shot is dragged: sketches are its children,
 * camera moves refit to it, and docked references follow it (`registerReferenceFollowing`).
 *
 * `sequence` is the one before the insert; shots in `ignore` (the ones being placed) do not
 * count as neighbours or as taking room.
 */
export function openRowSlot(
  editor: Editor,
  sequence: Sequence,
  placement: ShotPlacement,
  shots: readonly { readonly w: number; readonly h: number }[],
  ignore: ReadonlySet<string> = new Set(),
): boolean {
  const pair = neighbours(sequence, placement, ignore)
  if (!pair) return false
  const first = editor.getShape<TLShotShape>(pair.predecessor ?? pair.successor)
  if (!first || first.parentId !== editor.getCurrentPageId()) return false
  const row = rowOf(editor, first, pair.group)
  if (!inSequenceOrder(row, pair.group)) return false
  // The shots from the successor on slide; the slot opens after the predecessor, or, at the start
  // of the row, where the successor stood.
  const from = pair.predecessor ? row.indexOf(first) + 1 : 0
  if (row[from]?.id !== pair.successor) return false
  const slotX = pair.predecessor ? first.x + first.props.w + NEW_SHOT_GAP : first.x

  const slot: PageBox = {
    x: slotX,
    y: first.y,
    w: shots.reduce((sum, s) => sum + s.w + NEW_SHOT_GAP, 0) - NEW_SHOT_GAP,
    h: Math.max(...shots.map((s) => s.h)),
  }
  const shift = slot.x + slot.w + NEW_SHOT_GAP - row[from]!.x
  if (shift <= 0) return false
  const pushed = pushedRun(row.slice(from), shift)
  // A locked shot stays where it is (tldraw does not move it), so the row could not open.
  if (pushed.some((s) => editor.isShapeOrAncestorLocked(s))) return false

  const moving = pushed.flatMap((s) => carriedWith(editor, s))
  const boxes = [slot, ...movedBoxes(editor, moving, { x: shift, y: 0 })]
  if (coversOtherShapes(editor, boxes, new Set([...moving, ...ignore]))) return false

  editor.updateShapes<TLShotShape>(pushed.map((s) => ({ id: s.id, type: 'shot', x: s.x + shift })))
  return true
}

/**
 * The shots on either side of the insertion point in their scene — no predecessor at the start
 * of the scene — or null at its end (nothing to slide there).
 */
function neighbours(
  sequence: Sequence,
  placement: ShotPlacement,
  ignore: ReadonlySet<string>,
): { predecessor: TLShapeId | null; successor: TLShapeId; group: readonly string[] } | null {
  const groupOf = (sceneId: string | null) =>
    shotsOfScene(sequence, sceneId)
      .map((s) => s.id)
      .filter((id) => !ignore.has(id))
  if ('sceneId' in placement) {
    const [first] = placement.at === 'start' ? groupOf(placement.sceneId) : []
    return first ? { predecessor: null, successor: first as TLShapeId, group: groupOf(placement.sceneId) } : null
  }
  const targetId = 'after' in placement ? placement.after : placement.before
  const target = sequence.entries.find((e) => e.shot.id === targetId)
  if (!target || ignore.has(targetId)) return null
  const group = groupOf(target.scene?.id ?? null)
  const i = group.indexOf(targetId)
  const [before, after] = 'after' in placement ? [group[i], group[i + 1]] : [group[i - 1], group[i]]
  return after ? { predecessor: (before ?? null) as TLShapeId | null, successor: after as TLShapeId, group } : null
}

/** The scene's shots on `shot`'s row (beside it, at about its height), left to right. */
function rowOf(editor: Editor, shot: TLShotShape, group: readonly string[]): TLShotShape[] {
  return group
    .flatMap((id) => editor.getShape<TLShotShape>(id as TLShapeId) ?? [])
    .filter((s) => s.parentId === shot.parentId && onRowOf(shotBox(shot), shotBox(s)))
    .sort((a, b) => a.x - b.x)
}

/** Whether the row's shots, left to right, come in the order of the scene (`group`). */
function inSequenceOrder(row: readonly TLShotShape[], group: readonly string[]): boolean {
  const positions = row.map((s) => group.indexOf(s.id))
  return positions.every((p, i) => i === 0 || p > positions[i - 1]!)
}

/**
 * The shots of `following` (left to right, the first right after the slot) that move when the
 * first is pushed `shift` right: each next one while the one before would come within a
 * reference column's gap of it.
 */
function pushedRun(following: readonly TLShotShape[], shift: number): TLShotShape[] {
  const run = following.slice(0, 1)
  for (const next of following.slice(1)) {
    const last = run.at(-1)!
    if (next.x >= last.x + shift + last.props.w + NEW_SHOT_GAP) break
    run.push(next)
  }
  return run
}
