import type { Editor } from 'tldraw'
import { cameraToShow, clearArea, type Rect } from './clearView'

/** What floats over the canvas and hides it: the shot inspector or style panel (right), open panels (top left), tldraw's toolbar (bottom). */
const COVERS = '.shot-inspector, .tlui-style-panel, .floating-panel__panel, .tlui-main-toolbar'
/** The floating panels' toggles: one row, one cover (one by one, a gap between two could pass for room). */
const TOGGLES = '.floating-panel__toggle'
/** How far in from the covers' edges a revealed shape stays, in screen pixels. */
const MARGIN = 24

/** The part of the canvas no panel covers, in screen pixels from the canvas's top left. */
export function clearCanvasArea(editor: Editor): Rect {
  const container = editor.getContainer()
  const box = container.getBoundingClientRect()
  const rects = (selector: string) =>
    [...container.querySelectorAll(selector)]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height }))
  const toggles = rects(TOGGLES)
  const row = toggles.length === 0 ? [] : [boundsOf(toggles)]
  return clearArea({ x: 0, y: 0, w: box.width, h: box.height }, [...rects(COVERS), ...row])
}

/**
 * Brings the selection into view where no panel covers it (panning as little as it can,
 * zooming out only when it does not fit), after the next frame, so a panel that the new
 * selection opens — the shot inspector — is counted. Where the panels leave no room, falls back
 * to tldraw's "zoom to the selection if it is off screen".
 */
export function revealSelectionClearOfPanels(editor: Editor): void {
  editor.getContainer().ownerDocument.defaultView?.requestAnimationFrame(() => {
    const bounds = editor.getSelectionPageBounds()
    if (!bounds) return
    const camera = cameraToShow(bounds, editor.getCamera(), clearCanvasArea(editor), MARGIN)
    if (camera) editor.setCamera(camera, { animation: { duration: 200 } })
    else editor.zoomToSelectionIfOffscreen(64, { animation: { duration: 200 } })
  })
}

function boundsOf(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  return { x, y, w: Math.max(...rects.map((r) => r.x + r.w)) - x, h: Math.max(...rects.map((r) => r.y + r.h)) - y }
}
