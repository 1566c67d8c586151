import type { Transition } from './vocabulary'

/**
 * How long a shot's transition in lasts. A shot keeps its own length in seconds
 * (`transitionInSeconds`), or null for the usual length of its kind; either way the transition
 * never takes more than half the shot, so a short shot is still seen whole. Present, the video
 * export, Export for editing and the CSV shot list all ask here, so they agree.
 */

/** The transitions drawn as a blend; cut, match cut and smash cut are editorial intent and play as cuts. */
export type BlendedTransition = 'dissolve' | 'fade' | 'wipe'

/**
 * The usual lengths: a dissolve or a wipe half a second (12 frames at 24 fps, an editor's usual
 * default); a fade out to black and in again a little longer, so neither half is rushed (18 frames).
 */
const USUAL_SECONDS: Readonly<Record<BlendedTransition, number>> = { dissolve: 0.5, wipe: 0.5, fade: 0.75 }

/** Whether `transition` is drawn as a blend (and so has a length). */
export function isBlendedTransition(transition: Transition): transition is BlendedTransition {
  return Object.hasOwn(USUAL_SECONDS, transition)
}

/** The usual length of a blended transition, in seconds: what a shot without its own length plays. */
export function usualTransitionSeconds(transition: BlendedTransition): number {
  return USUAL_SECONDS[transition]
}

/**
 * Seconds the transition into a shot of `shotSeconds` takes: 0 for a cut (and a match or smash
 * cut, whatever length the shot keeps), else the shot's own `length` or the usual one, but never
 * more than half the shot.
 */
export function transitionSeconds(transition: Transition, shotSeconds: number, length: number | null): number {
  if (!isBlendedTransition(transition)) return 0
  return Math.max(0, Math.min(length ?? USUAL_SECONDS[transition], shotSeconds / 2))
}

/** The same in whole frames at `fps`, for a shot `shotFrames` long: what an edit or a shot list counts. */
export function transitionFrames(transition: Transition, shotFrames: number, fps: number, length: number | null): number {
  return Math.round(transitionSeconds(transition, shotFrames / fps, length) * fps)
}
