import { tooShortForDialogueText } from '../dialogueFitText'
import '../../styles/sequence-dialogue.css'

/**
 * A strip card's mark on its duration when the shot is too short for its dialogue: a small amber
 * speech bubble, as quiet as the transition marks. Named for screen readers and in its tooltip
 * ("Too short for its dialogue (needs about 6.4 s)"); its card's button is described by it (`id`).
 */
export function StripDialogueMark({ id, needs }: { id: string; needs: number }) {
  const text = tooShortForDialogueText(needs)
  return (
    <span id={id} className="strip-dialogue-short" data-testid="strip-shot-dialogue-short" role="img" aria-label={text} title={text}>
      <svg width="9" height="9" viewBox="0 0 10 10" aria-hidden="true">
        <path d="M1.5 1.5h7v5H5L2.8 8.6V6.5H1.5z" fill="currentColor" />
      </svg>
    </span>
  )
}
