import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { REFERENCE_BINDING_TYPE } from '@storyloom/shared/storyboard/referenceBinding'
import { shotsOfScene, type Sequence } from '@storyloom/shared/storyboard/sequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { carriedWith, coversOtherShapes, movedBoxes, shotBox } from './movesWithShot'
import { overlaps, SCENE_ROW_GAP, type PageBox } from './shotPlacementOnCanvas'

/**
 * Makes room on the canvas for a new scene's rows (a `size` block) going in before scene
 * `sceneId` — or, when that scene has no shots on the page, the first scene after it that has —
 * as `openRowSlot` opens a slot in a row, but downwards: that scene's shots move down by the
 * block's height and a scene gap (`SCENE_ROW_GAP`), and so does each scene after it in the
 * sequence whose shots the moved ones (or the slot) would come within a scene gap of. A row the
 * user put elsewhere, clear of the moved ones, stays where it is; scenes before the slot in the
 * sequence never move. Nothing moves when a shot to move is locked, or when a moved shot, what it
 * carries (`carriedWith`) or the slot itself would cover any other shape or one of `reserved`
 * (slots already opened for shots not yet placed): the caller then places the scene as before.
 * The drawings below the rows before the slot, in the moved rows' columns, move down with them
 * (`drawingsBelow`), so a note in the gap above a moved row stays above it.
 * Run it inside the caller's `editor.run`, so the insert and the move are one undo step.
 *
 * `sequence` is the one before the insert. Returns the slot's top-left (where the scene's rows
 * began: its top shot's top, its leftmost shot's left), or null when nothing moved.
 */
export function openSceneRowSlot(
  editor: Editor,
  sequence: Sequence,
  sceneId: string,
  size: { readonly w: number; readonly h: number },
  reserved: readonly PageBox[] = [],
): { x: number; y: number } | null {
  const pageId = editor.getCurrentPageId()
  const shotsOnPage = (id: string) =>
    shotsOfScene(sequence, id)
      .flatMap((s) => editor.getShape<TLShotShape>(s.id as TLShapeId) ?? [])
      .filter((s) => s.parentId === pageId)
  const start = sequence.scenes.findIndex((scene) => scene.id === sceneId)
  if (start < 0) return null
  const [first, ...later] = sequence.scenes
    .slice(start)
    .map((scene) => shotsOnPage(scene.id))
    .filter((shots) => shots.length > 0)
  if (!first) return null

  // Only the size: a caller's block may carry a position of its own (a plan's layout).
  const slot: PageBox = { x: Math.min(...first.map((s) => s.x)), y: Math.min(...first.map((s) => s.y)), w: size.w, h: size.h }
  const shift = size.h + SCENE_ROW_GAP
  const pushed = pushedScenes(first, later, slot, shift)
  // A locked shot stays where it is (tldraw does not move it), so the rows could not open.
  if (pushed.some((s) => editor.isShapeOrAncestorLocked(s))) return null

  const carried = pushed.flatMap((s) => carriedWith(editor, s))
  const drawings = drawingsBelow(editor, pushed, slot, new Set(carried))
  const moving = [...carried, ...drawings.map((d) => d.id)]
  const boxes = [slot, ...movedBoxes(editor, moving, { x: 0, y: shift })]
  if (boxes.some((box) => reserved.some((other) => overlaps(box, other)))) return null
  if (coversOtherShapes(editor, boxes, new Set(moving))) return null

  editor.updateShapes<TLShotShape>(pushed.map((s) => ({ id: s.id, type: 'shot', y: s.y + shift })))
  editor.updateShapes(drawings.map((d) => ({ id: d.id, type: d.type, y: d.y + shift })))
  return { x: slot.x, y: slot.y }
}

/**
 * The drawings (sketches, arrows, notes: shapes on the page that are no shot and go with none)
 * that move down with the rows, as an art director re-pinning the board below a new row moves
 * the notes pinned there too: each whose top is below the rows before the slot (in the gap
 * above the first moved row, or among or under the moved rows) and that is in their columns.
 * One beside the rows, pinned to a shot that stays (a reference kept in a corner, an arrow from
 * a row above), or locked stays where it is.
 */
function drawingsBelow(editor: Editor, pushed: readonly TLShotShape[], slot: PageBox, carried: ReadonlySet<TLShapeId>): TLShape[] {
  const moved = new Set(pushed.map((s) => s.id as string))
  const shapes = editor.getCurrentPageShapes().filter((s) => s.parentId === editor.getCurrentPageId())
  const above = shapes.flatMap((s) => (s.type === 'shot' && !moved.has(s.id) && s.y + (s as TLShotShape).props.h <= slot.y ? [s.y + (s as TLShotShape).props.h] : []))
  const line = above.length > 0 ? Math.max(...above) : slot.y - SCENE_ROW_GAP
  const columns = [slot, ...pushed.map(shotBox)]
  const [left, right] = [Math.min(...columns.map((b) => b.x)), Math.max(...columns.map((b) => b.x + b.w))]
  // Shapes that anything pins to a shot (its sketch, camera move, references) belong to that shot.
  const pinned = new Set(
    shapes.filter((s) => s.type === 'shot').flatMap((s) => [...editor.getBindingsToShape(s.id, ANNOTATION_BINDING_TYPE), ...editor.getBindingsToShape(s.id, REFERENCE_BINDING_TYPE)]).map((b) => b.fromId as string),
  )
  return shapes.filter((s) => {
    if (s.type === 'shot' || carried.has(s.id) || pinned.has(s.id) || editor.isShapeOrAncestorLocked(s)) return false
    const box = editor.getShapePageBounds(s.id)
    if (!box || box.y < line || box.x >= right || box.x + box.w <= left) return false
    // An arrow or line tied to a shape: it goes along only when that shape does.
    return editor.getBindingsFromShape(s.id, 'arrow').every((b) => moved.has(b.toId) || carried.has(b.toId))
  })
}

/**
 * The shots that move `shift` down: those of `first`, then, until no more join, those of each
 * scene of `later` (in sequence order) one of whose shots the moved shots or the slot would come
 * within a scene gap above — so a row standing clear (a gap wide enough, or off to one side) stops it.
 */
function pushedScenes(first: readonly TLShotShape[], later: readonly (readonly TLShotShape[])[], slot: PageBox, shift: number): TLShotShape[] {
  const reach = (box: PageBox): PageBox => ({ ...box, h: box.h + SCENE_ROW_GAP })
  const pushed = [...first]
  const reached = [reach(slot), ...first.map((s) => reach({ ...shotBox(s), y: s.y + shift }))]
  let waiting = [...later]
  for (let grew = true; grew; ) {
    grew = false
    waiting = waiting.filter((shots) => {
      if (!shots.some((s) => reached.some((box) => overlaps(box, shotBox(s))))) return true
      pushed.push(...shots)
      reached.push(...shots.map((s) => reach({ ...shotBox(s), y: s.y + shift })))
      grew = true
      return false
    })
  }
  return pushed
}
