import type { Editor } from 'tldraw'
import { clearCanvasArea } from './revealClearOfPanels'
import { contentCameraOnOpen } from './clearView'

/** How far in from the clear area's top left the board's content starts, in screen pixels (as a revealed shot). */
const MARGIN = 24

/**
 * A board opens with its content's top left where the top bar and the panels' toggles leave the
 * canvas clear, at tldraw's opening zoom: tldraw opens on the page's origin, where an imported
 * board's first shot had its header (its number and title) and picture under the main menu and
 * the panels' toggles — on a phone and on a laptop alike. Content already in the clear keeps
 * tldraw's view. After the next frame, once tldraw's top bar and the toggles are laid out.
 */
export function revealContentOnOpen(editor: Editor): void {
  const win = editor.getContainer().ownerDocument.defaultView
  if (!win) return
  const frame = win.requestAnimationFrame(() => {
    editor.disposables.delete(cancel)
    const content = editor.getCurrentPageBounds()
    if (!content || editor.getCameraOptions().isLocked) return
    const camera = contentCameraOnOpen(content, editor.getCamera(), clearCanvasArea(editor, { belowHeader: true }), MARGIN)
    if (camera) editor.setCamera(camera)
  })
  const cancel = () => win.cancelAnimationFrame(frame)
  editor.disposables.add(cancel)
}
