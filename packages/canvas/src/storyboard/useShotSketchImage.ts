import { useEffect, useRef, useState } from 'react'
import { Box, useComputed, useValue, type Editor, type TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotSketchClip } from './shotSketch'
import { lastDrawnSketch, rememberDrawnSketch, type ShotSketchImage, type SketchInputs } from './sketchImageCache'

export type { ShotSketchImage }

function sameInputs(a: SketchInputs | null, b: SketchInputs | null): boolean {
  if (a === b) return true
  if (a === null || b === null) return false
  const frame = (s: TLShotShape) => [s.props.w, s.props.h, s.props.aspect, s.rotation].join()
  return frame(a.shot) === frame(b.shot) && a.children.length === b.children.length && a.children.every((shape, i) => shape === b.children[i])
}

/**
 * tldraw's own SVG export of the sketch drawn in a shot's frame (its children), cropped to the
 * frame, or null when there is none. Works with any editor over the board: the live canvas or a
 * headless one (see presentation/sketchEditor). tldraw exports from the current page only;
 * `turnPages` lets it go to the shot's page first, which only an editor nobody sees may do.
 */
export async function exportShotSketch(editor: Editor, shotId: string, turnPages = false): Promise<ShotSketchImage | null> {
  const shot = editor.getShape<TLShotShape>(shotId as TLShapeId)
  if (!shot) return null
  const children = editor.getSortedChildIdsForParent(shot.id)
  if (children.length === 0) return null
  const pageId = editor.getAncestorPageId(shot)
  if (pageId !== editor.getCurrentPageId()) {
    if (!turnPages || !pageId) return null
    editor.setCurrentPage(pageId)
  }
  const frame = Box.FromPoints(editor.getShapePageTransform(shot).applyToPoints(shotSketchClip(shot)))
  const result = await editor.getSvgString(children, { bounds: frame, padding: 0, background: false })
  if (!result) return null
  return { url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.svg)}`, width: frame.width, height: frame.height }
}

/**
 * The sketch in a shot's frame as a picture (see exportShotSketch), live: redrawn once the
 * sketch (or the frame) has stopped changing for `delayMs`, so a stroke in progress costs
 * nothing; moving the shot costs nothing either, since its children's records do not change.
 * A sketch unchanged since it was last drawn (the animatic coming back to a shot) shows at once,
 * and one there when the picture first shows is drawn without waiting. `hasSketch` says at
 * once whether there is a sketch, before its picture is ready. While `draw` is false nothing
 * is exported (a card scrolled far off screen): the last picture stays, and the current
 * sketch is drawn once `draw` is true again.
 */
export function useShotSketchImage(
  editor: Editor | null,
  shotId: string,
  { delayMs, turnPages = false, draw = true }: { delayMs: number; turnPages?: boolean; draw?: boolean },
): { hasSketch: boolean; image: ShotSketchImage | null } {
  const inputsSignal = useComputed(
    'shot sketch',
    (): SketchInputs | null => {
      const shot = editor?.getShape<TLShotShape>(shotId as TLShapeId)
      if (!editor || !shot) return null
      const ids = editor.getSortedChildIdsForParent(shot.id)
      return ids.length === 0 ? null : { shot, children: ids.flatMap((id) => editor.getShape(id) ?? []) }
    },
    { isEqual: sameInputs },
    [editor, shotId],
  )
  const inputs = useValue(inputsSignal)
  // The picture on screen; until the current sketch is drawn, the last one drawn of this shot.
  const [shown, setShown] = useState<{ shotId: string; image: ShotSketchImage } | null>(null)

  // Only a sketch already there when the picture first shows is drawn without waiting: a first
  // stroke drawn while it is on screen waits like any other.
  const waits = useRef(false)

  useEffect(() => {
    if (!editor || !draw) return
    const wait = waits.current
    waits.current = true
    if (!inputs) return
    const last = lastDrawnSketch(editor, shotId)
    if (last && sameInputs(last.inputs, inputs)) {
      setShown({ shotId, image: last.image })
      return
    }
    let cancelled = false
    const timer = setTimeout(
      () => {
        exportShotSketch(editor, shotId, turnPages)
          .then((image) => {
            if (!image) return
            rememberDrawnSketch(editor, shotId, { inputs, image })
            if (!cancelled) setShown({ shotId, image })
          })
          // A sketch that cannot be exported (a shape mid-delete) keeps the last good picture.
          .catch(() => {})
      },
      last || wait ? delayMs : 0,
    )
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [editor, shotId, inputs, delayMs, turnPages, draw])

  const image = shown?.shotId === shotId ? shown.image : (lastDrawnSketch(editor, shotId)?.image ?? null)
  return { hasSketch: inputs !== null, image: inputs ? image : null }
}
