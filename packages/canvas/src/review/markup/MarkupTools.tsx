import { MARKUP_COLOR_VALUES, MARKUP_COLORS, markupDescription, type CommentMarkup, type MarkupColor } from '@storyloom/shared/review/commentMarkup'
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
  return (
    <div className="markup-tools" role="group" aria-label="Drawing on the picture">
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
              style={{ background: MARKUP_COLOR_VALUES[c] }}
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
