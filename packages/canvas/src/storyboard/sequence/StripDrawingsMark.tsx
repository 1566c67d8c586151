import { PencilIcon } from '../../review/markup/PencilIcon'
import '../../styles/sequence-verdict.css'

/**
 * A strip card's mark that comments on its shot carry drawings: a pencil, in the drawing's red as
 * beside such a comment in the list, and how many. Shown with or without a verdict; named for
 * screen readers ("2 comments with drawings"), and its card's button is described by it (`id`).
 */
export function StripDrawingsMark({ id, count, text }: { id: string; count: number; text: string }) {
  return (
    <span id={id} className="strip-drawings" data-testid="strip-shot-drawings" role="img" aria-label={text} title={text}>
      <PencilIcon size={9} strokeWidth={1.6} />
      {count}
    </span>
  )
}
