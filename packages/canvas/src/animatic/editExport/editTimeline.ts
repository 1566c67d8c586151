import { isBlendedTransition, transitionFrames } from '@storyloom/shared/storyboard/transitionLength'
import type { ShotSound } from '@storyloom/shared/storyboard/shotShape'
import type { Transition } from '@storyloom/shared/storyboard/vocabulary'
import { animaticFrames } from '../animaticFrames'
import { editRate, type EditRate } from './editRate'
import { multiLineText, oneLineText } from './editText'
import { stillFileNames } from './stillFileNames'

/** A transition into a clip, starting at its first frame (where the animatic cuts to it). */
export interface EditTransition {
  /** A cross dissolve from the clip before (the board's dissolve and wipe), or a dip to black between them (its fade). */
  readonly kind: 'dissolve' | 'dip-to-black'
  readonly frames: number
}

/** One shot of the board as a clip of the edit: its still, for its duration. */
export interface EditClip {
  /** "1.2 Opening": the board's number, then the title. */
  readonly name: string
  /** Its still's file name in `stills/`. */
  readonly fileName: string
  /** Where it starts in the edit, from 0, and how long it lasts (frames at the edit's rate). */
  readonly startFrame: number
  readonly frames: number
  readonly action: string
  readonly dialogue: string
  readonly transitionIn: EditTransition | null
}

/** The board's animatic as an edit: a sequence of still clips at the board's frame rate, and the stills' size. */
export interface EditTimeline {
  readonly title: string
  readonly rate: EditRate
  readonly width: number
  readonly height: number
  readonly clips: readonly EditClip[]
  readonly totalFrames: number
}

/** A shot as the edit needs it (the presentation model's PresentationShot has all of it). */
export interface EditShot {
  readonly number: string
  readonly title: string
  readonly action: string
  readonly dialogue: string
  readonly transitionIn: Transition
  /** The shot's own transition length in seconds; null for the usual one. */
  readonly transitionInSeconds: number | null
  readonly seconds: number
  readonly startSeconds: number
  /** The shot's own sound (editAudio.ts), if it has one. */
  readonly sound?: ShotSound | null
  /** Its sound's Volume, 0 to 1 (1, full level, when absent). */
  readonly soundVolume?: number
}

/**
 * The edit of `shots` (Present's order and timing) at `fps`: each shot one clip, its cuts where
 * the animatic's are (each on the frame nearest its time, so the clips add up to the whole, as
 * the video export's frames do), its dissolve, wipe or fade a transition at the start of the clip
 * as long as Present plays it (the first clip has none: there is nothing before it to dissolve from).
 */
export function editTimeline(title: string, shots: readonly EditShot[], fps: number, size: { width: number; height: number }): EditTimeline {
  const rate = editRate(fps)
  const { spans, totalFrames } = animaticFrames(shots, rate.fps)
  const fileNames = stillFileNames(shots)
  const clips = shots.map((shot, i): EditClip => {
    const span = spans[i]!
    return {
      name: clipName(shot),
      fileName: fileNames[i]!,
      startFrame: span.startFrame,
      frames: span.frames,
      action: multiLineText(shot.action),
      dialogue: multiLineText(shot.dialogue),
      transitionIn: i === 0 ? null : editTransition(shot, span.frames, rate),
    }
  })
  return { title: oneLineText(title) || 'Storyboard', rate, ...size, clips, totalFrames }
}

/** "1.2 Opening", or just "1.2" for a shot without a title. */
export function clipName(shot: { number: string; title: string }): string {
  return oneLineText(`${shot.number} ${oneLineText(shot.title)}`)
}

/**
 * The shot's transition into its clip, `frames` long, in the edit: its own length or the usual
 * one in whole frames, never more than half the clip (so it ends before the next one starts);
 * null for a cut (a match cut and a smash cut are cuts too).
 */
function editTransition({ transitionIn, transitionInSeconds }: EditShot, frames: number, rate: EditRate): EditTransition | null {
  if (!isBlendedTransition(transitionIn)) return null
  const length = transitionFrames(transitionIn, frames, rate.fps, transitionInSeconds)
  if (length < 2) return null
  return { kind: transitionIn === 'fade' ? 'dip-to-black' : 'dissolve', frames: length }
}

/** Frames of still beyond each end of a clip (in and out), so a transition has picture to dissolve from and to. */
export function handleFrames(rate: EditRate): number {
  return rate.timebase
}
