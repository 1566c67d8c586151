import type { Editor } from 'tldraw'
import { clearCanvasArea } from './revealClearOfPanels'
import { contentCameraOnOpen } from './clearView'

/** How far in from the clear area's top left the board's content starts, in screen pixels (as a revealed shot). */
const MARGIN = 24

/**
 * A board opened on a touch screen starts with its content's top left where the top bar and the
 * panels' toggles leave the canvas clear, at tldraw's opening zoom: tldraw opens on the page's
 * origin, so on a phone the first shot's header (its number and title) sat under the top bar, and
 * there is no hover there to find out what is under it. After the next frame, once tldraw's top
 * bar and the toggles are laid out. Desktop keeps tldraw's opening view (see README, Phones and tablets).
 */
export function revealContentOnOpen(editor: Editor): void {
  const win = editor.getContainer().ownerDocument.defaultView
  if (!win?.matchMedia('(pointer: coarse)').matches) return
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
