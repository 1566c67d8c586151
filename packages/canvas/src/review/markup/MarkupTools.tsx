import { useEffect, useRef } from 'react'
import { MARKUP_COLOR_VALUES, MARKUP_COLORS, markupDescription, type CommentMarkup, type MarkupColor } from '@storyloom/shared/review/commentMarkup'
import { escStopsDrawing } from './escStopsDrawing'
import '../../styles/markup.css'

type MarkupToolsProps = {
  drawing: boolean
  onDrawing(on: boolean): void
  color: MarkupColor
  onColor(color: MarkupColor): void
  markup: CommentMarkup | undefined
  onUndo(): void
  onClear(): void
  /** Why the last stroke was not kept (the drawing is full), if it was not. */
  note?: string | undefined
}

const COLOR_NAMES: Record<MarkupColor, string> = { red: 'Red', yellow: 'Yellow', green: 'Green', blue: 'Blue', white: 'White' }

/** The comment box's drawing tools: Draw (on the stage's picture), the pen's colour, Undo last stroke and Clear. */
export function MarkupTools({ drawing, onDrawing, color, onColor, markup, onUndo, onClear, note }: MarkupToolsProps) {
  const tools = useRef<HTMLDivElement>(null)
  // While drawing, Esc turns Draw off (the strokes stay, the comment's draft) before anything else
  // hears it — the presentation would leave the grid or close Present; the next Esc does that.
  useEffect(() => {
    if (!drawing) return
    const onKey = (event: KeyboardEvent) => {
      if (!escStopsDrawing(event, tools.current)) return
      event.preventDefault()
      event.stopPropagation()
      onDrawing(false)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [drawing, onDrawing])
  return (
    <div className="markup-tools" ref={tools} role="group" aria-label="Drawing on the picture">
      <button
        type="button"
        className="markup-tools__button"
        aria-pressed={drawing}
        title={drawing ? 'Stop drawing on the picture' : 'Draw on the shot’s picture, to show what you mean'}
        onClick={() => onDrawing(!drawing)}
      >
        Draw
      </button>
      {drawing && (
        <span className="markup-tools__colors" role="group" aria-label="Pen colour">
          {MARKUP_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className="markup-tools__color"
              aria-label={COLOR_NAMES[c]}
              aria-pressed={c === color}
              style={{ backgroundColor: MARKUP_COLOR_VALUES[c] }}
              onClick={() => onColor(c)}
            />
          ))}
        </span>
      )}
      {markup && (
        <>
          <button type="button" onClick={onUndo} title="Take back the last stroke">
            Undo stroke
          </button>
          <button type="button" onClick={onClear} title="Remove the whole drawing">
            Clear
          </button>
        </>
      )}
      <span className="markup-tools__note" role="status">
        {note ?? (markup ? markupDescription(markup) : drawing ? 'Draw on the picture' : '')}
      </span>
    </div>
  )
}
