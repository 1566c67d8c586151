import type { Editor } from 'tldraw'
import { useShotSketchImage } from '../useShotSketchImage'

/** Quiet time after the last sketch change before the preview is drawn again, in ms. */
const REDRAW_DELAY_MS = 300

/** The sketch drawn in a shot's frame, as a picture for its strip card. */
export function ShotSketchPreview({ editor, shotId }: { editor: Editor; shotId: string }) {
  const { image } = useShotSketchImage(editor, shotId, { delayMs: REDRAW_DELAY_MS })
  return image ? <img className="strip-thumb__media strip-thumb__sketch" src={image.url} alt="" draggable={false} data-testid="strip-sketch" /> : null
}
