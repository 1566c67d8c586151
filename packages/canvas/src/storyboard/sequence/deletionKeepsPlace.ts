import type { Editor, TLShapeId } from 'tldraw'
import { shotsOfScene, type Sequence, type ShotPlacement } from '@storyloom/shared/storyboard/sequence'
import { boardSequenceModel } from './boardSequenceModel'

/**
 * Where work goes on after shots are deleted on the canvas, as in an editor's timeline: the
 * shot that took the (first) deleted shot's place in its scene is selected — the one before
 * it when it was the scene's last, none when the scene is left empty — and the next "new shot"
 * goes into the deleted shot's slot, while that selection stands.
 */
export interface PlaceAfterDeletion {
  /** The shot to select, or null for none. */
  readonly select: string | null
  /** Where the next new shot goes while `select` is the selection. */
  readonly placement: ShotPlacement
}

/** The place `deleted` leave in `sequence` (the sequence before they go); null when no shot is deleted. */
export function placeAfterDeletion(sequence: Sequence, deleted: ReadonlySet<string>): PlaceAfterDeletion | null {
  const first = sequence.entries.find((e) => deleted.has(e.shot.id))
  if (!first) return null
  const sceneId = first.scene?.id ?? null
  const group = shotsOfScene(sequence, sceneId)
  const at = group.findIndex((s) => s.id === first.shot.id)
  const next = group.slice(at + 1).find((s) => !deleted.has(s.id))
  if (next) return { select: next.id, placement: { before: next.id } }
  const previous = group.slice(0, at).findLast((s) => !deleted.has(s.id))
  if (previous) return { select: previous.id, placement: { after: previous.id } }
  return { select: null, placement: { sceneId, at: 'end' } }
}

/** The remembered insertion point of each editor, with the selection it holds for. */
const points = new WeakMap<Editor, { selection: string; placement: ShotPlacement; stop: () => void }>()

const selectionKey = (editor: Editor) => editor.getSelectedShapeIds().join(' ')

/**
 * Deletes the selected shapes, as tldraw's delete does, and keeps the user's place among the
 * shots (`placeAfterDeletion`): selects the shot that took the deleted one's place and
 * remembers where the next new shot goes, until the selection changes.
 */
export function deleteSelectionKeepingPlace(editor: Editor, remove: () => void): void {
  const { sequence } = boardSequenceModel(editor).get()
  const selection = editor.getSelectedShapeIds()
  const place = placeAfterDeletion(sequence, new Set(selection))
  remove()
  // Nothing deleted (tldraw refuses while a tool is busy): nothing moves.
  if (!place || selection.some((id) => editor.getShape(id))) return
  if (place.select && editor.getShape(place.select as TLShapeId)) editor.select(place.select as TLShapeId)
  else if (place.select) return
  rememberInsertionPoint(editor, place.placement)
}

function rememberInsertionPoint(editor: Editor, placement: ShotPlacement): void {
  forgetInsertionPoint(editor)
  // Any change of selection (a click, a step, an undo of the delete) ends it.
  const stop = editor.sideEffects.registerAfterChangeHandler('instance_page_state', (prev, next) => {
    if (prev.selectedShapeIds.join(' ') !== next.selectedShapeIds.join(' ')) forgetInsertionPoint(editor)
  })
  points.set(editor, { selection: selectionKey(editor), placement, stop })
}

function forgetInsertionPoint(editor: Editor): void {
  points.get(editor)?.stop()
  points.delete(editor)
}

/**
 * The insertion point a deletion left, if the selection it left still stands and its anchor
 * is still on the board (someone else may have deleted it meanwhile); used up by the call.
 */
export function takeInsertionPoint(editor: Editor, sequence: Sequence): ShotPlacement | null {
  const point = points.get(editor)
  forgetInsertionPoint(editor)
  if (!point || point.selection !== selectionKey(editor)) return null
  const { placement } = point
  const anchor = 'before' in placement ? placement.before : 'after' in placement ? placement.after : null
  if (anchor !== null && !sequence.entries.some((e) => e.shot.id === anchor)) return null
  if ('sceneId' in placement && placement.sceneId !== null && !sequence.scenes.some((s) => s.id === placement.sceneId)) return null
  return placement
}
