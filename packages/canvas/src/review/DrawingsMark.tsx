import { PencilIcon } from './markup/PencilIcon'
import '../styles/review/marks.css'

/**
 * A shot's mark that its comments carry drawings (on its strip card, in its badge on the
 * canvas): a pencil, in the drawing's red as beside such a comment in the list, and how many.
 * Shown with or without a verdict; named for screen readers ("2 comments with drawings"); `id`
 * lets a strip card's button be described by it.
 */
export function DrawingsMark({ id, testId, count, text }: { id?: string; testId: string; count: number; text: string }) {
  return (
    <span id={id} className="drawings-mark" data-testid={testId} role="img" aria-label={text} title={text}>
      <PencilIcon size={9} strokeWidth={1.6} />
      {count}
    </span>
  )
}
