import { useEffect, useRef, useState } from 'react'
import { Box, useComputed, useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotSketchClip } from './shotSketch'

/** A shot's sketch as a picture: an SVG data URL, and the frame's size it was cropped to. */
export interface ShotSketchImage {
  readonly url: string
  readonly width: number
  readonly height: number
}

/** What a shot's sketch depends on: its children's records and the shot's frame. */
interface SketchInputs {
  readonly shot: TLShotShape
  readonly children: readonly TLShape[]
}

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

/** The last picture drawn of each shot's sketch, per editor, with what it was drawn from. */
const drawn = new WeakMap<Editor, Map<string, { inputs: SketchInputs; image: ShotSketchImage }>>()

function lastDrawn(editor: Editor | null, shotId: string): { inputs: SketchInputs; image: ShotSketchImage } | undefined {
  return editor ? drawn.get(editor)?.get(shotId) : undefined
}

function remember(editor: Editor, shotId: string, inputs: SketchInputs, image: ShotSketchImage): void {
  let byShot = drawn.get(editor)
  if (!byShot) drawn.set(editor, (byShot = new Map()))
  byShot.set(shotId, { inputs, image })
}

/**
 * The sketch in a shot's frame as a picture (see exportShotSketch), live: redrawn once the
 * sketch (or the frame) has stopped changing for `delayMs`, so a stroke in progress costs
 * nothing; moving the shot costs nothing either, since its children's records do not change.
 * A sketch unchanged since it was last drawn (the animatic coming back to a shot) shows at once,
 * and one there when the picture first shows is drawn without waiting. `hasSketch` says at
 * once whether there is a sketch, before its picture is ready.
 */
export function useShotSketchImage(
  editor: Editor | null,
  shotId: string,
  { delayMs, turnPages = false }: { delayMs: number; turnPages?: boolean },
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
    if (!editor) return
    const wait = waits.current
    waits.current = true
    if (!inputs) return
    const last = lastDrawn(editor, shotId)
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
            remember(editor, shotId, inputs, image)
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
  }, [editor, shotId, inputs, delayMs, turnPages])

  const image = shown?.shotId === shotId ? shown.image : (lastDrawn(editor, shotId)?.image ?? null)
  return { hasSketch: inputs !== null, image: inputs ? image : null }
}
