import { dialogueShortfall } from '@storyloom/shared/storyboard/dialogueTiming'
import { sceneHeading, type SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import type { ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { CAMERA_ANGLES, CAMERA_MOVEMENTS, SHOT_SIZES, SHOT_STATUSES, entryOf } from '@storyloom/shared/storyboard/vocabulary'
import type { BoardSequenceModel } from '../sequence/boardSequenceModel'

/**
 * Finding shots on a board by what people say on a call: a number as the board shows it
 * ("12.3", "3B", "0.1"), or words from a shot's title, action or dialogue, or from its scene's
 * name or slugline, or its camera and review status: the shot size's abbreviation ("CU", as a
 * whole word, so not MCU) or name ("close-up"), the angle, the movement, the lens ("50mm") and
 * the status ("approved", "in review"), each name matched from the start of one of its words,
 * and "too short" (or "short") for a shot too short for its dialogue; who it is assigned to, by
 * name ("ada"), and "mine" for the shots assigned to you.
 * Case and accents do not count ("cafe" finds "Café"). Each word of the query must be found
 * somewhere in the shot (or be its number), so "door opens" finds "opens the door" and
 * "cu approved" the approved close-ups.
 *
 * Reads the board's sequence model (its numbers come from the board's numbering, never
 * recomputed here) and keeps each shot's folded text until its props change: a keystroke on a
 * board of 500 shots folds nothing again.
 */
export function findShots(model: Pick<BoardSequenceModel, 'sequence' | 'numbers'>, query: string, people: FindPeople = NO_PEOPLE): string[] {
  const terms = fold(query).split(/\s+/).filter(Boolean)
  if (terms.length === 0) return []
  const found: string[] = []
  for (const { shot, scene } of model.sequence.entries) {
    const number = fold(model.numbers.get(shot.id) ?? '')
    const text = `${shotText(shot.props)}\n${scene ? sceneText(scene) : ''}`
    const fields = shotFields(shot.props)
    const { assigneeId } = shot.props
    const assignee = assigneeId === null ? '' : foldedName(people.nameOf(assigneeId))
    const mine = assigneeId !== null && assigneeId === people.me
    const matches = (term: string) =>
      isNumber(number, term) || text.includes(term) || fields.words.has(term) || startsWord(fields.names, term) || startsWord(assignee, term) || (mine && term === MINE)
    if (terms.every(matches)) found.push(shot.id)
  }
  return found
}

/**
 * Who shots are assigned to, as find reads them: a member's name by account id (a shot is found
 * by its assignee's name, from the start of one of its words: "ada" finds Ada Lovelace's), and who
 * "mine" is (the signed-in person's account id; null: nobody, so "mine" finds only the word).
 */
export interface FindPeople {
  readonly nameOf: (id: string) => string
  readonly me: string | null
}

const NO_PEOPLE: FindPeople = { nameOf: () => '', me: null }

/** The word that finds the shots assigned to you. */
const MINE = 'mine'

const foldedNames = new Map<string, string>()

function foldedName(name: string): string {
  let folded = foldedNames.get(name)
  if (folded === undefined) {
    // Names are few; a board's worth is kept, not every name ever typed.
    if (foldedNames.size > 1000) foldedNames.clear()
    foldedNames.set(name, (folded = fold(name)))
  }
  return folded
}

/** `text` in lower case without accents, the form both the query and the board are compared in. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/**
 * Whether `term` names the shot numbered `number`: the number itself, or its scene's part of it
 * ("12" finds 12.1 and 12.2, "3" finds 3A), but not another number it begins ("1" is not 12.3).
 */
function isNumber(number: string, term: string): boolean {
  if (!number.startsWith(term)) return false
  const next = number.charAt(term.length)
  return next === '' || !/\d/.test(next) || !/\d/.test(term.at(-1)!)
}

/** Whether `term` stands in `text` where a word begins ("up" in "close-up", not "ose"). */
function startsWord(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) return true
  }
  return false
}

/**
 * A shot's camera and status as find reads them: `words` found only whole (the shot size's
 * abbreviation, the lens as "50mm"), so a number ("2", "24") stays a shot number and never a
 * two-shot (2S) or a 24mm lens; `names` (folded, one a line) found from a word's start.
 */
interface ShotFields {
  readonly words: ReadonlySet<string>
  readonly names: string
}

const shotTexts = new WeakMap<ShotShapeProps, string>()
const shotFieldsOf = new WeakMap<ShotShapeProps, ShotFields>()
const sceneTexts = new WeakMap<SceneRecord, string>()

function shotText(props: ShotShapeProps): string {
  let text = shotTexts.get(props)
  if (text === undefined) shotTexts.set(props, (text = fold([props.title, props.action, props.dialogue].join('\n'))))
  return text
}

function shotFields(props: ShotShapeProps): ShotFields {
  let fields = shotFieldsOf.get(props)
  if (fields === undefined) {
    const { shotSize, angle, movement, lensMm } = props.camera
    const size = entryOf(SHOT_SIZES, shotSize)
    const names: string[] = [size.label, entryOf(CAMERA_ANGLES, angle).label, entryOf(CAMERA_MOVEMENTS, movement).label, entryOf(SHOT_STATUSES, props.status).label]
    // As the strip's mark says it ("Too short for its dialogue").
    if (dialogueShortfall(props.duration, props.dialogue)) names.push('too short')
    const words = [size.abbr, ...(lensMm === null ? [] : [`${lensMm}mm`])]
    shotFieldsOf.set(props, (fields = { words: new Set(words.map(fold)), names: fold(names.join('\n')) }))
  }
  return fields
}

function sceneText(scene: SceneRecord): string {
  let text = sceneTexts.get(scene)
  if (text === undefined) sceneTexts.set(scene, (text = fold([scene.name, scene.slugline, sceneHeading(scene)].join('\n'))))
  return text
}
