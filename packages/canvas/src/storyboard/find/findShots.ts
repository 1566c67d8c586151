import { sceneHeading, type SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import type { ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import type { BoardSequenceModel } from '../sequence/boardSequenceModel'

/**
 * Finding shots on a board by what people say on a call: a number as the board shows it
 * ("12.3", "3B", "0.1"), or words from a shot's title, action or dialogue, or from its scene's
 * name or slugline. Case and accents do not count ("cafe" finds "Café"). Each word of the query
 * must be found somewhere in the shot (or be its number), so "door opens" finds "opens the door".
 *
 * Reads the board's sequence model (its numbers come from the board's numbering, never
 * recomputed here) and keeps each shot's folded text until its props change: a keystroke on a
 * board of 500 shots folds nothing again.
 */
export function findShots(model: Pick<BoardSequenceModel, 'sequence' | 'numbers'>, query: string): string[] {
  const terms = fold(query).split(/\s+/).filter(Boolean)
  if (terms.length === 0) return []
  const found: string[] = []
  for (const { shot, scene } of model.sequence.entries) {
    const number = fold(model.numbers.get(shot.id) ?? '')
    const text = `${shotText(shot.props)}\n${scene ? sceneText(scene) : ''}`
    if (terms.every((term) => isNumber(number, term) || text.includes(term))) found.push(shot.id)
  }
  return found
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

const shotTexts = new WeakMap<ShotShapeProps, string>()
const sceneTexts = new WeakMap<SceneRecord, string>()

function shotText(props: ShotShapeProps): string {
  let text = shotTexts.get(props)
  if (text === undefined) shotTexts.set(props, (text = fold([props.title, props.action, props.dialogue].join('\n'))))
  return text
}

function sceneText(scene: SceneRecord): string {
  let text = sceneTexts.get(scene)
  if (text === undefined) sceneTexts.set(scene, (text = fold([scene.name, scene.slugline, sceneHeading(scene)].join('\n'))))
  return text
}
