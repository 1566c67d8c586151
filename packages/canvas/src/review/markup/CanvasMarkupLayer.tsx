import { useEffect, useMemo } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { markupDescription } from '@storyloom/shared/review/commentMarkup'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { canvasShownMarkup } from './canvasMarkup'
import { MarkupStrokes } from './MarkupStrokes'
import { framePointOnScreen, shotFrameOnScreen, type TurnedBox } from './shotFrameOnScreen'
import '../../styles/markup.css'

/** Stroke width over the canvas's frame, in CSS pixels, at any zoom. */
const CANVAS_STROKE_WIDTH = 3

/**
 * In front of the canvas (StoryboardOverlays): the comment drawing this person points at in the
 * Comments list, or pinned, over its shot's frame, following the shot as it moves and the camera
 * as it pans and zooms. It never takes a pointer but for the pinned drawing's "×"; Escape unpins
 * it too. Not part of the board: not synced, not undone, not exported or printed.
 */
export function CanvasMarkupLayer() {
  const editor = useEditor()
  const shownAtom = canvasShownMarkup(editor)
  const shown = useValue('canvas shown markup', () => shownAtom.get(), [shownAtom])
  // Only the shown shot's transform and the camera are read: nothing re-renders while nothing is shown.
  const box = useValue(
    'canvas markup box',
    (): TurnedBox | null => {
      if (!shown) return null
      const shot = editor.getShape(shown.shotId as TLShapeId) as TLShotShape | undefined
      if (!shot || shot.type !== 'shot' || editor.getAncestorPageId(shot) !== editor.getCurrentPageId()) return null
      // Culled as tldraw culls: nothing drawn for a shot out of view.
      const bounds = editor.getShapePageBounds(shot)
      if (!bounds || !editor.getViewportPageBounds().collides(bounds)) return null
      const transform = editor.getShapePageTransform(shot)
      const corner = transform.point()
      const { w, h, aspect } = shot.props
      return shotFrameOnScreen({ x: corner.x, y: corner.y, rotation: transform.rotation(), w, h, aspect }, editor.getCamera())
    },
    [editor, shown?.shotId],
  )
  const pinned = shown?.pinned === true
  useEffect(() => {
    if (!pinned) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') shownAtom.set(null)
    }
    window.addEventListener('keydown', onKey, { capture: true })
    return () => window.removeEventListener('keydown', onKey, { capture: true })
  }, [pinned, shownAtom])
  // The strokes are drawn once per drawing: a camera move only moves their box.
  const strokes = useMemo(() => shown && <MarkupStrokes strokes={shown.markup.strokes} width={CANVAS_STROKE_WIDTH} />, [shown])
  if (!shown || !box || box.width <= 0 || box.height <= 0) return null
  const close = framePointOnScreen([1, 0], box)
  return (
    <div className="canvas-markup" data-testid="canvas-markup" data-comment-id={shown.commentId}>
      <div
        className="canvas-markup__frame"
        style={{ left: box.x, top: box.y, width: box.width, height: box.height, transform: `rotate(${box.rotation}rad)` }}
      >
        {strokes}
      </div>
      {pinned && (
        <button
          type="button"
          className="canvas-markup__unpin"
          style={{ left: close.x, top: close.y }}
          aria-label={`${markupDescription(shown.markup)}. Stop showing it on the shot`}
          title="Stop showing the drawing on the shot (Esc)"
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => shownAtom.set(null)}
        >
          ×
        </button>
      )}
    </div>
  )
}
