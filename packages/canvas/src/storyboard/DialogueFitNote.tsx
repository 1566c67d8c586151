import type { DialogueShortfall } from '@storyloom/shared/storyboard/dialogueTiming'
import { useSettledValue } from '../app/useSettledValue'
import { dialogueNeedsText } from './dialogueFitText'

/** How long the note must stay the same before a screen reader is told (typing has paused). */
export const ANNOUNCE_AFTER_MS = 1000

/**
 * Under a shot's Duration in the inspector, while its dialogue takes longer to say than the shot
 * lasts: how long it needs ("Dialogue needs about 6.4 s") and, for editors (`onFit`), "Fit to
 * dialogue" (the inspector then focuses Duration, as the button goes). Nothing while it fits.
 * The Duration field is described by the note (`id`). The note changes with every word typed in
 * the dialogue, so it is not itself a live region: a polite one beside it, there while empty,
 * says what the note says once it has stayed the same for {@link ANNOUNCE_AFTER_MS}.
 */
export function DialogueFitNote({ id, shortfall, onFit }: { id: string; shortfall: DialogueShortfall | null; onFit: (() => void) | null }) {
  const text = shortfall ? dialogueNeedsText(shortfall.needs) : ''
  const announced = useSettledValue(text, ANNOUNCE_AFTER_MS)
  return (
    <div className="shot-inspector__dialogue-fit" data-short={shortfall ? '' : undefined}>
      <span id={id} data-testid="dialogue-fit-note">
        {text}
      </span>
      <span role="status" className="visually-hidden" data-testid="dialogue-fit-announcement">
        {announced}
      </span>
      {shortfall && onFit && (
        <button type="button" className="panel-button" onClick={onFit}>
          Fit to dialogue
        </button>
      )}
    </div>
  )
}
