import { entryOf, TRANSITIONS, type Transition } from '@storyloom/shared/storyboard/vocabulary'
import '../../styles/sequence-transition.css'

/** A small sign for each transition that is not a plain cut, as editors draw them between clips. */
const GLYPHS: Record<Exclude<Transition, 'cut'>, string> = {
  dissolve: '⋈',
  fade: '◐',
  wipe: '◧',
  'match-cut': '≡',
  'smash-cut': '!',
}

/**
 * The mark between a strip card and the one before it saying how the shot comes in (a dissolve,
 * a fade…), so a reader of the strip sees where the transitions are; a cut shows nothing. Named
 * for screen readers and in its tooltip ("Dissolve into 1.2"); its card's button is described by it (`id`).
 */
export function StripTransitionMark({ id, transition, number }: { id: string; transition: Exclude<Transition, 'cut'>; number: string }) {
  const text = `${entryOf(TRANSITIONS, transition).label} into ${number}`
  return (
    <span id={id} className="strip-transition" data-testid="strip-shot-transition" data-transition={transition} role="img" aria-label={text} title={text}>
      <span aria-hidden="true">{GLYPHS[transition]}</span>
    </span>
  )
}
