import type { MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { motionArt, polylinePath, type MotionArt } from './motionArt'

/** A motion annotation's art with its SVG path strings, computed once per props object. */
export interface MotionDrawing {
  readonly art: MotionArt
  readonly strokePaths: readonly string[]
  /** Every stroke as one path (subpaths), and every guide: one SVG element each on the canvas. */
  readonly strokesPath: string
  readonly guidesPath: string
}

// Store records are immutable: a props object never changes, so it can key the cache, and a
// drawing is dropped with the props it was made for. Without it a board of 500 annotations
// formatted every point three times per render (measured: a third of a second at load).
const drawings = new WeakMap<MotionShapeProps, MotionDrawing>()

/** The drawing of a motion annotation's props (cached: the SVG, geometry and indicator share it). */
export function motionDrawing(props: MotionShapeProps): MotionDrawing {
  let drawing = drawings.get(props)
  if (!drawing) {
    const art = motionArt(props)
    const strokePaths = art.strokes.map(polylinePath)
    drawing = { art, strokePaths, strokesPath: strokePaths.join(' '), guidesPath: art.guides.map(polylinePath).join(' ') }
    drawings.set(props, drawing)
  }
  return drawing
}
