import { findBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { boardSequence, type BoardRecordLike } from '@storyloom/shared/storyboard/boardSequence'
import { shotNumbers } from '@storyloom/shared/storyboard/numbering'
import { sequenceTiming } from '@storyloom/shared/storyboard/runtime'
import type { ShotMedia } from '@storyloom/shared/storyboard/shotShape'
import type { ShotStatus, Transition } from '@storyloom/shared/storyboard/vocabulary'

/** One shot as the animatic plays it. */
export interface PresentationShot {
  readonly id: string
  /** "3.2", "3B" or "4", as on the board. */
  readonly number: string
  readonly title: string
  readonly sceneName: string | null
  readonly dialogue: string
  readonly action: string
  readonly status: ShotStatus
  readonly transitionIn: Transition
  readonly media: ShotMedia | null
  /** On screen for this long: the shot's duration rounded to whole frames, as in an edit. */
  readonly seconds: number
  /** When it starts in the animatic. */
  readonly startSeconds: number
}

/** The animatic of a board: its shots in sequence order, with their timing. */
export interface PresentationModel {
  readonly shots: readonly PresentationShot[]
  readonly totalSeconds: number
}

/**
 * The board's animatic from its records: reading order (scene → shot), numbers in the board's
 * numbering style, and frame-exact timing at the board's frame rate, so it matches the strip.
 */
export function presentationModel(records: Iterable<BoardRecordLike>): PresentationModel {
  const all = [...records]
  const settings = findBoardSettings(all)
  const sequence = boardSequence(all)
  const numbers = shotNumbers(sequence, settings.numbering)
  const timing = sequenceTiming(sequence, settings.fps)
  const shots = sequence.entries.map((entry): PresentationShot => {
    const { props } = entry.shot.shape
    const time = timing.shots.get(entry.shot.id)
    return {
      id: entry.shot.id,
      number: numbers.get(entry.shot.id) ?? String(entry.position + 1),
      title: props.title,
      sceneName: entry.scene?.name ?? null,
      dialogue: props.dialogue,
      action: props.action,
      status: props.status,
      transitionIn: props.transitionIn,
      media: props.media,
      seconds: time?.seconds ?? props.duration,
      startSeconds: (time?.startFrame ?? 0) / settings.fps,
    }
  })
  return { shots, totalSeconds: timing.total.seconds }
}
