import { useEffect, useState } from 'react'
import { Box, useComputed, useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { shotSketchClip } from '../shotSketch'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/** Quiet time after the last sketch change before the preview is drawn again, in ms. */
const REDRAW_DELAY_MS = 300

function sameShapes(a: readonly TLShape[] | null, b: readonly TLShape[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((shape, i) => shape === b[i]))
}

/**
 * The sketch drawn in a shot's frame, as a picture for its strip card: tldraw's own SVG export
 * of the shot's children, cropped to the frame. Redrawn once the sketch has stopped changing
 * for a moment, so a stroke in progress costs nothing; moving the shot costs nothing either,
 * since its children's records do not change.
 */
export function ShotSketchPreview({ editor, shotId }: { editor: Editor; shotId: string }) {
  const sketchSignal = useComputed(
    'shot sketch',
    () => {
      const ids = editor.getSortedChildIdsForParent(shotId as TLShapeId)
      return ids.length === 0 ? null : ids.flatMap((id) => editor.getShape(id) ?? [])
    },
    { isEqual: sameShapes },
    [editor, shotId],
  )
  const sketch = useValue(sketchSignal)
  const [url, setUrl] = useState<string | null>(null)

  useEffect(() => {
    if (!sketch) {
      setUrl(null)
      return
    }
    let cancelled = false
    const timer = setTimeout(() => {
      const shot = editor.getShape<TLShotShape>(shotId as TLShapeId)
      if (!shot) return
      const frame = Box.FromPoints(editor.getShapePageTransform(shot).applyToPoints(shotSketchClip(shot)))
      editor
        .getSvgString(sketch, { bounds: frame, padding: 0, background: false })
        .then((result) => {
          if (!cancelled && result) setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.svg)}`)
        })
        // A sketch that cannot be exported (a shape mid-delete) keeps the last good preview.
        .catch(() => {})
    }, REDRAW_DELAY_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [editor, shotId, sketch])

  return url ? <img className="strip-thumb__media strip-thumb__sketch" src={url} alt="" draggable={false} data-testid="strip-sketch" /> : null
}
