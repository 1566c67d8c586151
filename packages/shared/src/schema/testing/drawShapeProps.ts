import type { TLDrawShapeProps, TLDrawShapeSegment } from '@tldraw/tlschema'

/**
 * The props tldraw's draw tool gives a freehand stroke still being drawn (black, medium, not
 * closed, mouse not pen) around `segments`: the one source for the canvas's and the
 * cross-package tests' draw-shape fixtures.
 */
export function drawShapeProps(segments: TLDrawShapeSegment[]): TLDrawShapeProps {
  return { color: 'black', fill: 'none', dash: 'draw', size: 'm', segments, isComplete: false, isClosed: false, isPen: false, scale: 1, scaleX: 1, scaleY: 1 }
}
