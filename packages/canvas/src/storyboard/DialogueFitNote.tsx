import type { DialogueShortfall } from '@storyloom/shared/storyboard/dialogueTiming'
import { dialogueNeedsText } from './dialogueFitText'

/**
 * Under a shot's Duration in the inspector, while its dialogue takes longer to say than the shot
 * lasts: how long it needs ("Dialogue needs about 6.4 s") and, for editors (`onFit`), "Fit to
 * dialogue" (the inspector then focuses Duration, as the button goes). Nothing while it fits.
 * The note is a polite live region, there while it is empty, so a screen reader says it when it
 * appears or changes, after what it is saying; the Duration field is described by it (`id`).
 */
export function DialogueFitNote({ id, shortfall, onFit }: { id: string; shortfall: DialogueShortfall | null; onFit: (() => void) | null }) {
  return (
    <div className="shot-inspector__dialogue-fit" data-short={shortfall ? '' : undefined}>
      <span id={id} role="status" data-testid="dialogue-fit-note">
        {shortfall && dialogueNeedsText(shortfall.needs)}
      </span>
      {shortfall && onFit && (
        <button type="button" className="panel-button" onClick={onFit}>
          Fit to dialogue
        </button>
      )}
    </div>
  )
}
