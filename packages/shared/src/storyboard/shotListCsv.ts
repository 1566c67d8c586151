import { SHOT_VERDICTS, type ShotVerdict } from '../review/verdicts'
import { shotNumbers } from './numbering'
import { framesToTimecode, secondsToFrames } from './runtime'
import { sceneHeading } from './sceneRecord'
import { buildSequence } from './sequence'
import type { ShotPlan, ShotPlanShot } from './shotPlan'
import { isBlendedTransition, transitionFrames } from './transitionLength'
import { CAMERA_ANGLES, CAMERA_MOVEMENTS, SHOT_SIZES, TRANSITIONS, entryOf, formatLens } from './vocabulary'

/**
 * The CSV shot list: one row per shot in reading order, for spreadsheets, ADs and schedules,
 * with the words people wrote (scene heading, shot title, action, dialogue) beside the numbers,
 * how each shot comes in (its transition, and for a dissolve, fade or wipe its length in frames),
 * and its own sound (which shots have a scratch line or an effect).
 * Written per RFC 4180: comma separated, CRLF line ends, fields with commas, quotes or line
 * breaks quoted, quotes doubled.
 */

/** The header row. */
export const SHOT_LIST_COLUMNS = [
  'Scene',
  'Scene heading',
  'Shot',
  'Title',
  'Size',
  'Angle',
  'Lens',
  'Movement',
  'Duration',
  'Action',
  'Dialogue',
  // How the shot comes in from the one before ("Dissolve"; "Cut" for a plain cut). Export-only: nothing reads this CSV back.
  'Transition',
  // Frames the dissolve, fade or wipe plays at the board's rate (the shot's own length or the usual one, at most half the shot); blank for a cut.
  'Transition frames',
] as const

/** How to write the shot list. */
export interface ShotListCsvOptions {
  /**
   * `'seconds'` (default): seconds on the board's frame grid (`2.5`, `1.042`), which a
   * spreadsheet can add up; `'timecode'`: `HH:MM:SS:FF` at the board's frame rate.
   */
  readonly duration?: 'seconds' | 'timecode'
  /**
   * Prefix text cells that start with `=`, `+`, `-` or `@` with `'` so spreadsheets show them
   * instead of running them as formulas. Default true.
   */
  readonly neutralizeFormulas?: boolean
  /**
   * Add a `Frames` column after Duration: the duration in whole frames at the board's frame
   * rate, which editors and schedulers count in. Default false.
   */
  readonly frames?: boolean
  /**
   * The board's review verdicts by shot id (the latest from a review link; null or missing: none).
   * Given, a `Review` column ends each row (but for the sound, when asked): "Approved",
   * "Changes requested", or blank for none, so a spreadsheet filters on it as on any empty cell.
   */
  readonly review?: ReadonlyMap<string, ShotVerdict | null>
  /**
   * The name of the board member with an account id (for one no longer a member, what the board
   * shows for them). Given, an `Assigned to` column comes after `Transition frames` (before
   * `Review`): who draws each shot, blank for nobody.
   */
  readonly assigneeName?: (id: string) => string
  /**
   * Add the shot's own sound at the end of each row (after `Review`, so the columns before keep
   * their places): `Sound` (the file's name), `Sound length (s)` (the file's length in seconds)
   * and `Sound volume (%)` (its Volume as the inspector shows it, 0 to 100); all three blank for
   * a shot with no sound. Default false.
   */
  readonly sound?: boolean
}

/** The header of the assignee column (see {@link ShotListCsvOptions.assigneeName}). */
export const SHOT_LIST_ASSIGNEE_COLUMN = 'Assigned to'

/** The header of the review column (see {@link ShotListCsvOptions.review}). */
export const SHOT_LIST_REVIEW_COLUMN = 'Review'

/** The headers of the sound columns (see {@link ShotListCsvOptions.sound}). */
export const SHOT_LIST_SOUND_COLUMNS = ['Sound', 'Sound length (s)', 'Sound volume (%)'] as const

function verdictLabel(verdict: ShotVerdict | null | undefined): string {
  return SHOT_VERDICTS.find((v) => v.id === verdict)?.label ?? ''
}

/** The header of the optional frames column. */
export const SHOT_LIST_FRAMES_COLUMN = 'Frames'

/** Seconds to the millisecond, as a spreadsheet reads a number (`2.5`, `1.042`). */
function secondsCell(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000)
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** The shot list of a plan as CSV text. */
export function shotListCsv(plan: ShotPlan, options: ShotListCsvOptions = {}): string {
  const { duration = 'seconds', neutralizeFormulas = true, frames: withFrames = false, review, assigneeName, sound: withSound = false } = options
  const { numbering, fps } = plan.settings
  const textCell = (value: string) => (neutralizeFormulas && /^[=+\-@]/.test(value) ? `'${value}` : value)
  // The file's name is text like the rest; a Volume is a whole percentage, as the inspector shows it.
  const soundCells = ({ sound, soundVolume }: ShotPlanShot) =>
    sound === null ? ['', '', ''] : [textCell(sound.name), secondsCell(sound.duration), String(Math.round(soundVolume * 100))]
  const sequence = buildSequence(plan.scenes, plan.shots)
  const numbers = shotNumbers(sequence, numbering)
  const rows = sequence.entries.map(({ shot, scene, sceneNumber }) => {
    const frames = secondsToFrames(shot.duration, fps)
    return [
      sceneNumber === null ? '' : String(sceneNumber),
      scene === null ? '' : textCell(sceneHeading(scene)),
      numbers.get(shot.id)!,
      textCell(shot.title),
      entryOf(SHOT_SIZES, shot.camera.shotSize).abbr,
      entryOf(CAMERA_ANGLES, shot.camera.angle).label,
      formatLens(shot.camera.lensMm),
      entryOf(CAMERA_MOVEMENTS, shot.camera.movement).label,
      duration === 'timecode' ? framesToTimecode(frames, fps) : secondsCell(frames / fps),
      ...(withFrames ? [String(frames)] : []),
      textCell(shot.action),
      textCell(shot.dialogue),
      entryOf(TRANSITIONS, shot.transitionIn).label,
      isBlendedTransition(shot.transitionIn) ? String(transitionFrames(shot.transitionIn, frames, fps, shot.transitionInSeconds)) : '',
      ...(assigneeName ? [shot.assigneeId === null ? '' : textCell(assigneeName(shot.assigneeId))] : []),
      ...(review ? [verdictLabel(review.get(shot.id))] : []),
      ...(withSound ? soundCells(shot) : []),
    ]
  })
  const header: string[] = [...SHOT_LIST_COLUMNS]
  if (withFrames) header.splice(header.indexOf('Duration') + 1, 0, SHOT_LIST_FRAMES_COLUMN)
  if (assigneeName) header.push(SHOT_LIST_ASSIGNEE_COLUMN)
  if (review) header.push(SHOT_LIST_REVIEW_COLUMN)
  if (withSound) header.push(...SHOT_LIST_SOUND_COLUMNS)
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('')
}
