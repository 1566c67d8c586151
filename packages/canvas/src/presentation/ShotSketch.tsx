import type { CSSProperties, ReactNode } from 'react'
import type { Editor } from 'tldraw'
import { useShotSketchImage } from '../storyboard/useShotSketchImage'
import { framingTransform, type CameraFraming } from './cameraMotion'
import '../styles/aspect-fit.css'
import '../styles/shot-sketch.css'

/** Quiet time after the last sketch change before it is drawn again, in ms. */
const REDRAW_DELAY_MS = 200

type ShotSketchProps = {
  /** The presentation's headless editor (see sketchEditor); null while it opens. */
  editor: Editor | null
  shotId: string
  /** Shown when the shot has no sketch. */
  fallback: ReactNode
  /** False while it is far off screen: no picture is made, the last one made stays. */
  draw?: boolean
  /** Drawn over the sketch, filling its paper (frame guides). */
  overlay?: ReactNode
  /** Where the shot's camera moves put the sketch on its paper (Present's stage; cameraMotion.ts); the overlay stays. */
  framing?: CameraFraming | null
}

/**
 * A shot's sketch in place of its image: tldraw's SVG export of it (crisp at any size), scaled
 * to fit the space at the frame's aspect ratio, on the frame's paper as on the canvas.
 */
export function ShotSketch({ editor, shotId, fallback, draw = true, overlay, framing = null }: ShotSketchProps) {
  const { hasSketch, image } = useShotSketchImage(editor, shotId, { delayMs: REDRAW_DELAY_MS, turnPages: true, draw })
  if (!hasSketch) return <>{fallback}</>
  const style = image ? ({ '--fit-aspect': image.width / image.height } as CSSProperties) : undefined
  return (
    <div className="aspect-fit shot-sketch" data-testid="shot-sketch">
      {image && (
        <div className="aspect-fit__box shot-sketch__paper" style={style}>
          <img className="shot-sketch__image" src={image.url} alt="Sketch" draggable={false} style={{ transform: framingTransform(framing) }} />
          {overlay}
        </div>
      )}
    </div>
  )
}
