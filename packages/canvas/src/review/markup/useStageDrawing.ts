import { useEffect, useRef, useState } from 'react'
import { MAX_MARKUP_POINTS, MAX_MARKUP_STROKES, type CommentMarkup, type MarkupColor, type MarkupStroke } from '@storyloom/shared/review/commentMarkup'
import { withoutLastStroke, withStroke } from './markupGeometry'
import { useStageMarkup, type StageDrawing } from './stageMarkup'

/** A comment box's drawing on the stage: whether Draw is on, the pen's colour, Undo, and why a stroke was not kept. */
export type StageDrawingControls = {
  on: boolean
  setOn(on: boolean): void
  color: MarkupColor
  setColor(color: MarkupColor): void
  undo(): void
  note: string | undefined
}

const REFUSALS = {
  'too-many-strokes': `The drawing is full (${MAX_MARKUP_STROKES} strokes): undo or clear to draw more.`,
  'too-many-points': `The drawing is full (${MAX_MARKUP_POINTS} points): undo or clear to draw more.`,
} as const

/**
 * Lets the comment box for `shotId` draw on the presentation's stage: while Draw is on, the stage
 * takes strokes (StageMarkupLayer) and each one lands in `markup` (the box's draft). Null outside
 * a presentation or without a shot: no Draw button there.
 */
export function useStageDrawing(
  shotId: string | undefined,
  markup: CommentMarkup | undefined,
  setMarkup: (markup: CommentMarkup | undefined) => void,
): StageDrawingControls | null {
  const stage = useStageMarkup()
  const [on, setOnState] = useState(false)
  const [color, setColor] = useState<MarkupColor>('red')
  const [note, setNote] = useState<string>()
  // Strokes end between renders: each is added to the drawing as it is then.
  const current = useRef({ markup, setMarkup })
  current.current = { markup, setMarkup }
  useEffect(() => {
    if (!stage || !shotId || !on) return
    const mine: StageDrawing = {
      shotId,
      markup,
      color,
      addStroke(stroke: MarkupStroke) {
        const added = withStroke(current.current.markup, stroke)
        if ('refused' in added) setNote(REFUSALS[added.refused])
        else {
          setNote(undefined)
          current.current.setMarkup(added.markup)
        }
      },
    }
    stage.drawing.set(mine)
    return () => {
      if (stage.drawing.get() === mine) stage.drawing.set(null)
    }
  }, [stage, shotId, on, markup, color])
  if (!stage || !shotId) return null
  return {
    on,
    setOn: (next) => {
      setOnState(next)
      setNote(undefined)
      if (next) stage.pause() // drawing is about the picture on screen, as writing is
    },
    color,
    setColor,
    undo: () => {
      setNote(undefined)
      setMarkup(withoutLastStroke(markup))
    },
    note,
  }
}
