import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { arrangeShots } from '@storyloom/shared/storyboard/arrangeScene'
import type { SceneId } from '@storyloom/shared/storyboard/sceneRecord'
import {
  compareOrderKeys,
  insertShot as insertShotKey,
  placeShots,
  shotsOfScene,
  stepShot as stepInSequence,
  type Sequence,
  type ShotOrderUpdate,
  type ShotPlacement,
} from '@storyloom/shared/storyboard/sequence'
import { DEFAULT_SHOT_WIDTH, defaultShotProps, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { revealSelectionClearOfPanels } from '../../board/revealClearOfPanels'
import { shotPanelHeight } from '../shotLayout'
import { boardSequenceModel } from './boardSequenceModel'
import { takeInsertionPoint } from './deletionKeepsPlace'
import { openRowSlot } from './openRowSlot'
import { reorderScenesOnCanvas } from './reorderOnCanvas'
import { NEW_SHOT_GAP, positionBeside, positionCentredOn, positionStartingRow, type PageBox } from './shotPlacementOnCanvas'

/**
 * Sequence edits as the UI and the keyboard run them. Each is one undo step (a history
 * stopping point, then one `editor.run`, which is also one store batch and so one Y.Doc
 * transaction for collaborators) and goes through the store like any canvas edit, so the
 * server validates it.
 */

/** Writes new scene / order keys to shots. */
export function applyShotOrder(editor: Editor, updates: readonly ShotOrderUpdate[]): void {
  editor.updateShapes<TLShotShape>(
    updates.map((u) => ({
      id: u.id as TLShapeId,
      type: 'shot',
      props: { sceneId: u.sceneId as SceneId | null, order: u.order },
    })),
  )
}

/**
 * Moves shots to a place in the sequence (possibly another scene), and on the canvas too where
 * it read as the sequence: a scene reordered among its own shots keeps reading in order
 * (`reorderScenesOnCanvas`), a shot joining a scene goes beside its new neighbours. Returns
 * whether anything moved.
 */
export function moveShots(editor: Editor, shotIds: readonly string[], placement: ShotPlacement): boolean {
  const move = shotMove(editor, shotIds, placement)
  if (!move) return false
  editor.markHistoryStoppingPoint('reorder shots')
  editor.run(move)
  return true
}

/**
 * The edit `moveShots` makes, for a caller that makes it part of its own undo step (a
 * screenplay revision moving the shots the writer moved); null when nothing would move. Run it
 * before the board changes again: it is worked out from the sequence as it is now.
 */
export function shotMove(editor: Editor, shotIds: readonly string[], placement: ShotPlacement): (() => void) | null {
  const { sequence } = boardSequenceModel(editor).get()
  const updates = placeShots(sequence, shotIds, placement)
  if (updates.length === 0) return null
  // Where each moved shot is now: a row it leaves closes up over these slots.
  const leftFrom = new Map(
    updates.flatMap(({ id }) => {
      const shape = editor.getShape<TLShotShape>(id as TLShapeId)
      return shape ? [[id, { x: shape.x, y: shape.y, w: shape.props.w, h: shape.props.h }] as const] : []
    }),
  )
  return () => {
    applyShotOrder(editor, updates)
    // Joining shots first: the rows they leave can then close up into the slots they freed.
    placeShotsJoiningScene(editor, sequence, updates, placement)
    reorderScenesOnCanvas(editor, sequence, updates, leftFrom)
  }
}

/**
 * Moves a shot one place earlier (`delta` -1) or later (1) in the sequence, as Alt+Shift+←/→ on
 * its strip card does: past its neighbour in its scene, or from either end of its scene to the
 * near end of the neighbouring scene (into "No scene" only when that group has shots, as the
 * strip then shows it). Returns whether it moved; one undo step, as `moveShots`.
 */
export function nudgeShot(editor: Editor, shotId: string, delta: -1 | 1): boolean {
  const { sequence } = boardSequenceModel(editor).get()
  const entry = sequence.entries.find((e) => e.shot.id === shotId)
  if (!entry) return false
  const sceneId = entry.scene?.id ?? null
  const group = shotsOfScene(sequence, sceneId)
  const neighbour = group[group.findIndex((s) => s.id === shotId) + delta]
  if (neighbour) return moveShots(editor, [shotId], delta < 0 ? { before: neighbour.id } : { after: neighbour.id })
  const groups = [...sequence.scenes.map((s) => s.id), ...(shotsOfScene(sequence, null).length > 0 ? [null] : [])]
  const next = groups.indexOf(sceneId) + delta
  if (next < 0 || next >= groups.length) return false
  return moveShots(editor, [shotId], { sceneId: groups[next]!, at: delta < 0 ? 'end' : 'start' })
}

/**
 * Puts the shots that `updates` move into another scene where a new shot at `placement` would
 * go on the canvas (beside their new neighbours, e.g. at the end of the scene's row), so the
 * board reads as the sequence does. Shots reordered within their scene are left to
 * `reorderScenesOnCanvas`. `sequence` is the one before `updates`.
 */
export function placeShotsJoiningScene(
  editor: Editor,
  sequence: Sequence,
  updates: readonly ShotOrderUpdate[],
  placement: ShotPlacement,
): void {
  const sceneBefore = new Map(sequence.entries.map(({ shot }) => [shot.id, shot.sceneId]))
  const joining = updates
    .filter((u) => sceneBefore.has(u.id) && sceneBefore.get(u.id) !== u.sceneId)
    .sort((a, b) => compareOrderKeys(a.order, b.order))
  const before = 'before' in placement || ('at' in placement && placement.at === 'start')
  // Each next shot goes beside the one placed before it, outwards from the anchor.
  if (before) joining.reverse()
  const waiting = new Set(joining.map((u) => u.id))
  const sizes = joining.flatMap(({ id }) => {
    const shape = editor.getShape<TLShotShape>(id as TLShapeId)
    return shape ? [{ w: shape.props.w, h: shape.props.h }] : []
  })
  // Between two shots of a row, the shots after them slide right to make room.
  if (sizes.length > 0) openRowSlot(editor, sequence, placement, sizes, waiting)
  let next = placement
  for (const { id } of joining) {
    const shape = editor.getShape<TLShotShape>(id as TLShapeId)
    if (!shape) continue
    waiting.delete(id)
    const size = { w: shape.props.w, h: shape.props.h }
    const spot = canvasSpotFor(editor, sequence, next, size, new Set([id, ...waiting]))
    editor.updateShape<TLShotShape>({ id: shape.id, type: 'shot', ...spot })
    next = before ? { before: id } : { after: id }
  }
}

/**
 * Creates a shot at a place in the sequence: on the canvas beside its neighbour in the
 * sequence, opening a slot when it goes between two shots of a row (`openRowSlot`), else in
 * the middle of the view; selected and in view clear of the panels (the shot inspector it
 * opens among them). Returns its id.
 */
export function insertShot(editor: Editor, placement: ShotPlacement): TLShapeId {
  const { sequence, settings } = boardSequenceModel(editor).get()
  const { sceneId, order, rekeyed } = insertShotKey(sequence, placement)
  const aspect = settings.defaultAspect
  const size = { w: DEFAULT_SHOT_WIDTH, h: shotPanelHeight(DEFAULT_SHOT_WIDTH, aspect) }
  const id = createShapeId()
  editor.markHistoryStoppingPoint('insert shot')
  editor.run(() => {
    applyShotOrder(editor, rekeyed)
    // Between two shots of a row, the shots after it slide right and it takes the slot.
    openRowSlot(editor, sequence, placement, [size])
    editor.createShape<TLShotShape>({
      id,
      type: 'shot',
      ...canvasSpotFor(editor, sequence, placement, size),
      props: { ...defaultShotProps(), ...size, aspect, sceneId: sceneId as SceneId | null, order },
    })
    editor.select(id)
  })
  revealSelectionClearOfPanels(editor)
  return id
}

/**
 * "New shot after the selected one"; with no shot selected, at the end of the last scene. Right
 * after a deletion on the canvas, in the deleted shot's slot (`takeInsertionPoint`).
 */
export function newShotAfterSelection(editor: Editor): TLShapeId {
  const selected = selectedShotId(editor)
  const { sequence } = boardSequenceModel(editor).get()
  const kept = takeInsertionPoint(editor, sequence)
  if (kept) return insertShot(editor, kept)
  const lastScene = sequence.scenes.at(-1)
  return insertShot(editor, selected ? { after: selected } : { sceneId: lastScene?.id ?? null, at: 'end' })
}

/** Selects the shot `delta` steps along the sequence from the selected one and brings it into view. */
export function stepShot(editor: Editor, delta: number): TLShapeId | null {
  const next = stepInSequence(boardSequenceModel(editor).get().sequence, selectedShotId(editor), delta)
  if (next) revealShot(editor, next as TLShapeId)
  return next as TLShapeId | null
}

/**
 * Selects a shot and pans the canvas to it when it is off screen or under a panel. Not an undo
 * step (selection only).
 */
export function revealShot(editor: Editor, shotId: TLShapeId): void {
  if (!editor.getShape(shotId)) return
  editor.select(shotId)
  revealSelectionClearOfPanels(editor)
}

/**
 * Edits a shot's title in place, as Enter on the selected shot does on the canvas: the canvas
 * takes the keyboard and the shot's title field opens. Nothing happens where the shot cannot be
 * edited (a viewer's board). Returns whether the edit started.
 */
export function editShotTitle(editor: Editor, shotId: TLShapeId): boolean {
  const shape = editor.getShape(shotId)
  if (!shape || !editor.canEditShape(shape, { type: 'press_enter' })) return false
  focusCanvas(editor)
  editor.markHistoryStoppingPoint('editing shape')
  editor.select(shotId)
  editor.setEditingShape(shotId)
  editor.setCurrentTool('select.editing_shape', {})
  return true
}

/**
 * Ends a shot's title edit, if one is open, leaving the shot selected: as a click elsewhere on
 * the canvas does. A click in the strip or a key handled outside the field would otherwise leave
 * the field open, and tldraw, still editing, would keep Delete and the sequence keys from the canvas.
 */
export function endTitleEdit(editor: Editor): void {
  if (!editor.getEditingShapeId()) return
  editor.setEditingShape(null)
  editor.setCurrentTool('select.idle')
}

/**
 * "Arrange scene on canvas": the scene's shots in rows of four, in sequence order, starting
 * where the scene's shots currently begin. Returns how many shots were arranged.
 */
export function arrangeSceneOnCanvas(editor: Editor, sceneId: string | null): number {
  const shots = shotsOfScene(boardSequenceModel(editor).get().sequence, sceneId)
    .map((s) => editor.getShape<TLShotShape>(s.id))
    .filter((shape): shape is TLShotShape => shape !== undefined)
  if (shots.length === 0) return 0
  const positions = arrangeShots(
    shots.map((s) => ({ id: s.id, x: s.x, y: s.y, w: s.props.w, h: s.props.h })),
    { gapX: NEW_SHOT_GAP },
  )
  editor.markHistoryStoppingPoint('arrange scene')
  editor.run(() => {
    editor.updateShapes<TLShotShape>(positions.map((p) => ({ id: p.id as TLShapeId, type: 'shot', x: p.x, y: p.y })))
    editor.select(...shots.map((s) => s.id))
  })
  revealSelectionClearOfPanels(editor)
  return shots.length
}

/** The one selected shot's id, or null when the selection is not exactly one shot. */
export function selectedShotId(editor: Editor): TLShapeId | null {
  const only = editor.getOnlySelectedShape()
  return only && only.type === 'shot' ? only.id : null
}

/**
 * Beside the shot the new one follows (or precedes) in the sequence; a scene's first shot on a
 * new row below the previous scene with shots; else (the board's first shot) mid-view. Shots in
 * `ignore` do not count as taking room.
 */
export function canvasSpotFor(
  editor: Editor,
  sequence: Sequence,
  placement: ShotPlacement,
  size: { w: number; h: number },
  ignore: ReadonlySet<string> = new Set(),
): { x: number; y: number } {
  let anchorId: string | null
  let side: 'before' | 'after'
  if ('sceneId' in placement) {
    const group = shotsOfScene(sequence, placement.sceneId)
    side = placement.at === 'start' ? 'before' : 'after'
    anchorId = (side === 'before' ? group[0] : group.at(-1))?.id ?? null
  } else {
    side = 'after' in placement ? 'after' : 'before'
    anchorId = 'after' in placement ? placement.after : placement.before
  }
  const anchor = anchorId ? editor.getShape<TLShotShape>(anchorId as TLShapeId) : undefined
  const boxOf = (id: string): PageBox[] => {
    if (ignore.has(id)) return []
    const shape = editor.getShape<TLShotShape>(id as TLShapeId)
    return shape ? [{ x: shape.x, y: shape.y, w: shape.props.w, h: shape.props.h }] : []
  }
  const occupied = sequence.entries.flatMap(({ shot }) => boxOf(shot.id))
  if (anchor) {
    return positionBeside(
      { x: anchor.x, y: anchor.y, w: anchor.props.w, h: anchor.props.h },
      side,
      size,
      occupied,
    )
  }
  const sceneId = 'sceneId' in placement ? placement.sceneId : null
  const above = previousSceneShots(sequence, sceneId).flatMap((shot) => boxOf(shot.id))
  const first = sequence.entries.flatMap(({ shot }) => boxOf(shot.id))[0]
  if (above.length > 0 && first) return positionStartingRow(above, first.x, size, occupied)
  return positionCentredOn(editor.getViewportPageBounds().center, size, occupied)
}

/**
 * The shots of the nearest scene before `sceneId` that has any (the unassigned shots, null,
 * come after every scene). Empty when no earlier scene has shots.
 */
function previousSceneShots(sequence: Sequence, sceneId: string | null): readonly { readonly id: string }[] {
  const index = sceneId === null ? sequence.scenes.length : sequence.scenes.findIndex((s) => s.id === sceneId)
  for (let i = index - 1; i >= 0; i--) {
    const shots = shotsOfScene(sequence, sequence.scenes[i]!.id)
    if (shots.length > 0) return shots
  }
  return []
}

/**
 * Gives the keyboard back to the canvas after a click in the strip, so Enter, the sequence
 * keys and tldraw's own shortcuts act on the selected shot. `editor.focus()` alone does not
 * move DOM focus when the editor still counts itself focused, and tldraw reads editing keys
 * (Enter) from its container.
 */
export function focusCanvas(editor: Editor): void {
  editor.getContainer().focus({ preventScroll: true })
  editor.focus()
}
