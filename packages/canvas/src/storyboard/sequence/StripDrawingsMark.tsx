import '../../styles/sequence-verdict.css'

/**
 * A strip card's mark that comments on its shot carry drawings: a pencil, in the drawing's red as
 * beside such a comment in the list, and how many. Shown with or without a verdict; named for
 * screen readers ("2 comments with drawings"), and its card's button is described by it (`id`).
 */
export function StripDrawingsMark({ id, count, text }: { id: string; count: number; text: string }) {
  return (
    <span id={id} className="strip-drawings" data-testid="strip-shot-drawings" role="img" aria-label={text} title={text}>
      <svg width="9" height="9" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M8.2 1.3 10.7 3.8 4.2 10.3 1.2 10.8 1.7 7.8Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      </svg>
      {count}
    </span>
  )
}
