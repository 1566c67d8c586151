import type { Editor, TLShapeId } from 'tldraw'
import { shotIdFromUrl } from '../presentation/shotInUrl'
import { focusCanvas, revealShot } from '../storyboard/sequence/sequenceCommands'

/**
 * A board opened as `/b/<id>#shot=…` (Present's Close, from the shot it was on) selects that shot
 * and brings it into view, with the keyboard on the canvas (Escape, Delete and Enter act on it
 * at once, as before Present), then drops the hash, so a reload or a copied board link does not
 * jump back there. A shot no longer on the board leaves the board as it opens. Returns whether it
 * brought a shot into view.
 */
export function revealShotInUrl(editor: Editor): boolean {
  const shotId = shotIdFromUrl(location.hash)
  if (!shotId) return false
  history.replaceState(history.state, '', location.pathname + location.search)
  if (!editor.getShape(shotId as TLShapeId)) return false
  revealShot(editor, shotId as TLShapeId)
  focusCanvas(editor)
  return true
}
