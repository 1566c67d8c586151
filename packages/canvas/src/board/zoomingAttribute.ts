import { react, type Editor } from 'tldraw'

/** On tldraw's container while the camera is zooming (not while it only pans). */
export const ZOOMING_ATTRIBUTE = 'data-zooming'

/**
 * Marks tldraw's container with {@link ZOOMING_ATTRIBUTE} from the first step of a zoom until
 * the camera comes to rest (tldraw's camera state goes back to idle `cameraMovingTimeoutMs`
 * after the last step). Each zoom step re-rasters everything in view at a new scale, so CSS
 * under the attribute leaves out fine detail nobody reads mid-zoom (storyboard.css,
 * motion.css); at rest, and while panning, nothing changes. Returns the cleanup.
 */
export function markZooming(editor: Pick<Editor, 'getContainer' | 'getZoomLevel' | 'getCameraState'>): () => void {
  const container = editor.getContainer()
  let restingZoom = editor.getZoomLevel()
  let zooming = false
  const stop = react('mark zooming', () => {
    const zoom = editor.getZoomLevel()
    const moving = editor.getCameraState() === 'moving'
    if (!moving) restingZoom = zoom
    const next = moving && zoom !== restingZoom
    if (next === zooming) return
    zooming = next
    container.toggleAttribute(ZOOMING_ATTRIBUTE, zooming)
  })
  return () => {
    stop()
    container.removeAttribute(ZOOMING_ATTRIBUTE)
  }
}
