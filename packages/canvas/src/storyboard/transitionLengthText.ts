import type { FrameRate } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { secondsToFrames } from '@storyloom/shared/storyboard/runtime'
import { transitionFrames, usualTransitionSeconds, type BlendedTransition } from '@storyloom/shared/storyboard/transitionLength'

/** What the inspector's transition Length field shows: frames at the board's rate, as editors count a dissolve. */
export interface TransitionLengthFieldText {
  /** The shot's own length in whole frames, or null when it plays the usual one. */
  readonly frames: number | null
  /** The usual length in frames (the empty field's placeholder). */
  readonly usualFrames: number
  /** Under the field: the length in seconds, the usual one, or what half the shot cuts it to. */
  readonly hint: string
}

/** Seconds as the hint writes them: at most two decimals ("0.54", "1.5", "1"). */
function secondsText(seconds: number): string {
  return String(Math.round(seconds * 100) / 100)
}

/** The Length field of a shot that comes in with a dissolve, fade or wipe, at the board's `fps`. */
export function transitionLengthField(
  shot: { readonly transitionIn: BlendedTransition; readonly duration: number; readonly transitionInSeconds: number | null },
  fps: FrameRate,
): TransitionLengthFieldText {
  const frames = shot.transitionInSeconds === null ? null : Math.round(shot.transitionInSeconds * fps)
  const usualFrames = Math.round(usualTransitionSeconds(shot.transitionIn) * fps)
  // What Present and the exports play: the shot's frames, as the animatic times it.
  const played = transitionFrames(shot.transitionIn, secondsToFrames(shot.duration, fps), fps, shot.transitionInSeconds)
  const hint =
    played < (frames ?? usualFrames)
      ? `Plays ${played} frames (${secondsText(played / fps)} s): never more than half the shot`
      : frames === null
        ? `Usual length: ${usualFrames} frames (${secondsText(usualFrames / fps)} s at ${fps} fps)`
        : `${secondsText(frames / fps)} s at ${fps} fps`
  return { frames, usualFrames, hint }
}
