import { react, type Editor } from 'tldraw'

/** On tldraw's container while the camera is zooming (not while it only pans). */
export const ZOOMING_ATTRIBUTE = 'data-zooming'

/**
 * The zoom below which a zoom gesture leaves fine detail out. Above it a panel's 12 px text is
 * at least 9 px on screen, where someone zooming in to read a shot is reading it, and only a few
 * dozen shots fit in view, so re-rastering their text each step is cheap; below it the text gets
 * small and a whole scene's worth of panels is re-rastered every step.
 */
export const ZOOMING_DETAIL_ZOOM = 0.75

/**
 * Marks tldraw's container with {@link ZOOMING_ATTRIBUTE} from the first step of a zoom until
 * the camera comes to rest (tldraw's camera state goes back to idle `cameraMovingTimeoutMs`
 * after the last step), while the zoom is below {@link ZOOMING_DETAIL_ZOOM}. Each zoom step re-rasters everything in view at a new scale, so CSS
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
    const next = moving && zoom !== restingZoom && zoom < ZOOMING_DETAIL_ZOOM
    if (next === zooming) return
    zooming = next
    container.toggleAttribute(ZOOMING_ATTRIBUTE, zooming)
  })
  return () => {
    stop()
    container.removeAttribute(ZOOMING_ATTRIBUTE)
  }
}
