import { transitionSeconds, type BlendedTransition } from '@storyloom/shared/storyboard/transitionLength'
import type { Transition } from '@storyloom/shared/storyboard/vocabulary'

/**
 * How a shot comes in from the one before, as Present's stage and the exported video both draw
 * it: one pure function of the playhead, so a paused, scrubbed or exported frame is the same
 * blend, and the animatic's runtime never changes (the transition plays over the first part of
 * the incoming shot, while the outgoing one holds its last frame). It lasts the shot's own length
 * or the usual one, never more than half the shot (transitionLength.ts).
 */

/** How one frame is made during a transition: the outgoing picture over black, then the incoming one over it. */
export interface TransitionBlend {
  readonly kind: BlendedTransition
  /** 0 at the cut, towards 1 as the incoming shot comes wholly on. */
  readonly progress: number
  /** Opacity of the outgoing shot's picture (its last frame). */
  readonly outgoingOpacity: number
  /** Opacity of the incoming shot's picture, drawn over the outgoing one. */
  readonly incomingOpacity: number
  /** The share of the incoming picture's width shown, from the left (a wipe's edge); 1 shows all of it. */
  readonly incomingReveal: number
}

/**
 * The blend `offset` seconds into a shot that comes in with `transition`, or null when the shot
 * shows by itself: a cut, past the transition, or with `reducedMotion` (the viewer asked for less
 * motion: every change of shot is a cut). `length` is the shot's own (null: the usual one). At
 * offset 0 the outgoing picture is wholly on.
 */
export function transitionBlend(
  transition: Transition,
  shotSeconds: number,
  offset: number,
  { reducedMotion = false, length: ownLength = null }: { reducedMotion?: boolean; length?: number | null } = {},
): TransitionBlend | null {
  const length = transitionSeconds(transition, shotSeconds, ownLength)
  if (reducedMotion || length === 0 || offset < 0 || offset >= length) return null
  const progress = offset / length
  switch (transition) {
    case 'dissolve':
      // The incoming picture over the whole outgoing one: their sum never dims in the middle.
      return { kind: 'dissolve', progress, outgoingOpacity: 1, incomingOpacity: progress, incomingReveal: 1 }
    case 'fade':
      // Out to black in the first half, in from black in the second.
      return { kind: 'fade', progress, outgoingOpacity: Math.max(0, 1 - 2 * progress), incomingOpacity: Math.max(0, 2 * progress - 1), incomingReveal: 1 }
    case 'wipe':
      return { kind: 'wipe', progress, outgoingOpacity: 1, incomingOpacity: 1, incomingReveal: progress }
    default:
      return null
  }
}

/** What the transition into the shot at `index` of `shots` needs to draw a frame, or null for the shot alone. */
export interface ShotTransitionFrame<S> {
  /** The shot before it, shown on its last frame; null before the first shot, which comes in from black ("FADE IN:"). */
  readonly outgoing: S | null
  readonly blend: TransitionBlend
}

/**
 * The transition on screen `offset` seconds into `shots[index]`, or null for the shot alone.
 * Present and the video export both ask this.
 */
export function shotTransitionAt<S extends { readonly transitionIn: Transition; readonly transitionInSeconds?: number | null; readonly seconds: number }>(
  shots: readonly S[],
  index: number,
  offset: number,
  options: { reducedMotion?: boolean } = {},
): ShotTransitionFrame<S> | null {
  const shot = shots[index]
  if (!shot) return null
  const blend = transitionBlend(shot.transitionIn, shot.seconds, offset, { ...options, length: shot.transitionInSeconds ?? null })
  return blend && { outgoing: shots[index - 1] ?? null, blend }
}
