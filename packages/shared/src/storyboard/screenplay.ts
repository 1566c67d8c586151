import { Fountain, type Token } from 'fountain-js'
import { createShapeId } from '@tldraw/tlschema'
import { getIndices } from '@tldraw/utils'
import { arrangeShots } from './arrangeScene'
import { MAX_PLAN_SCENES, MAX_PLAN_SHOTS, MAX_SHOT_DURATION_SECONDS, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits'
import { createSceneId, defaultSceneProperties, type SceneId } from './sceneRecord'
import { SHOT_PLAN_FORMAT, SHOT_PLAN_VERSION, type ShotPlan, type ShotPlanScene, type ShotPlanSettings, type ShotPlanShot } from './shotPlan'
import { parseShotPlan } from './shotPlanSchema'
import { defaultShotProps } from './shotShape'
import { locationFromSlugline, timeOfDayFromSlugline } from './slugline'
import type { Transition } from './vocabulary'

/**
 * A screenplay in Fountain (https://fountain.io, the plain-text format Highland, Slugline, Fade In
 * and Final Draft export) read as a first pass of a storyboard: each scene heading a scene (its
 * slugline, with the place and time of day read from it), each action paragraph a shot (the
 * paragraph its action, its first sentence its title), and each speech the dialogue of the shot
 * it follows ("MARY: (quietly) You came back."). A transition ("DISSOLVE TO:") sets how the next
 * shot comes in. The result is a shot plan, so it goes into the board as an imported plan does.
 */

/** Longest screenplay accepted, in characters: a feature is about 200 KB, a season's scripts a few MB. */
export const MAX_SCREENPLAY_TEXT_LENGTH = 8 * 1024 * 1024

/** Speech read aloud, in words a second, so a shot lasts at least as long as its dialogue. */
const WORDS_PER_SECOND = 2.5
/** Longest title made from an action's first sentence, in characters. */
const TITLE_LENGTH = 48
/** Shots in one canvas row of a scene before it wraps. */
const SHOTS_PER_ROW = 6
/** An action line that is a transition in capitals: FADE IN:, FADE OUT., CUT TO BLACK., SMASH CUT: … */
const TRANSITION_LINE = /^(?:FADE|DISSOLVE|WIPE|SMASH CUT|MATCH CUT|CUT TO)\b[A-Z .]*[:.]$/u
/** Space between one scene's rows and the next scene's first row (room for captions). */
const SCENE_GAP = 160

export type ScreenplayParseResult = { ok: true; plan: ShotPlan; title: string | null } | { ok: false; errors: string[] }

interface DraftShot {
  sceneId: SceneId | null
  action: string
  dialogue: string[]
  /** Words said aloud in it (not speakers' names or parentheticals), for its duration. */
  spokenWords: number
  transitionIn: Transition
}

/** What the board the screenplay goes into decides. */
export interface ScreenplayBoard {
  /** The board's settings, so importing changes none of them; new shots take its aspect ratio. */
  readonly settings: ShotPlanSettings
  /** The size of a new shot panel at that aspect ratio, as the shot tool makes it. */
  readonly shotSize: { readonly w: number; readonly h: number }
}

/**
 * The shot plan of a Fountain screenplay for `board`, with fresh ids. Refuses text with nothing
 * to board and anything past the limits a shot plan has, naming where.
 */
export function screenplayToShotPlan(text: string, board: ScreenplayBoard): ScreenplayParseResult {
  if (text.length > MAX_SCREENPLAY_TEXT_LENGTH) {
    return { ok: false, errors: [`The screenplay is too large (at most ${MAX_SCREENPLAY_TEXT_LENGTH / 1024 / 1024} MB of text)`] }
  }
  let tokens: Token[]
  try {
    tokens = new Fountain().parse(text, true).tokens
  } catch (error) {
    return { ok: false, errors: [`This is not a screenplay Storyloom can read: ${(error as Error).message}`] }
  }
  const scenes: ShotPlanScene[] = []
  const shots: DraftShot[] = []
  let title: string | null = null
  let shot: DraftShot | null = null
  let nextTransition: Transition = 'cut'
  let speech: { character: string; lines: string[]; spokenWords: number } | null = null
  const sceneId = () => scenes.at(-1)?.id ?? null
  const newShot = (action: string) => {
    shot = { sceneId: sceneId(), action, dialogue: [], spokenWords: 0, transitionIn: nextTransition }
    shots.push(shot)
    nextTransition = 'cut'
    return shot
  }

  for (const token of tokens) {
    const words = plainText(token.text ?? '')
    switch (token.type) {
      case 'title':
        title = words || null
        break
      case 'scene_heading': {
        const { meta: _meta, ...blank } = defaultSceneProperties()
        scenes.push({
          ...blank,
          id: createSceneId(),
          order: 'a1' as ShotPlanScene['order'],
          slugline: words,
          location: locationFromSlugline(words),
          timeOfDay: timeOfDayFromSlugline(words),
        })
        shot = null
        break
      }
      case 'action':
      case 'centered':
        // "FADE IN:" and "FADE OUT." are written as action lines (Fountain's transitions end in "TO:").
        if (TRANSITION_LINE.test(words)) nextTransition = transitionOf(words)
        else if (words) newShot(words)
        break
      case 'transition':
        nextTransition = transitionOf(words)
        break
      case 'dialogue_begin':
        speech = { character: '', lines: [], spokenWords: 0 }
        break
      case 'character':
        if (speech) speech.character = words
        break
      case 'parenthetical':
      case 'dialogue':
        if (speech && words) {
          speech.lines.push(words)
          if (token.type === 'dialogue') speech.spokenWords += wordCount(words)
        }
        break
      case 'lyrics':
        if (words) {
          const sung = shot ?? newShot('')
          sung.dialogue.push(`♪ ${words}`)
          sung.spokenWords += wordCount(words)
        }
        break
      case 'dialogue_end':
        if (speech && speech.lines.length > 0) {
          const line = speech.lines.join(' ')
          const spoken = shot ?? newShot('')
          spoken.dialogue.push(speech.character ? `${speech.character}: ${line}` : line)
          spoken.spokenWords += speech.spokenWords
        }
        speech = null
        break
      // Title page lines other than the title, sections, synopses, notes, page breaks: nothing to board.
    }
  }

  if (shots.length === 0) {
    return { ok: false, errors: ['No action or dialogue found: is this a Fountain screenplay? (Scene headings start with INT. or EXT.)'] }
  }
  const errors = limitErrors(scenes, shots)
  if (errors.length > 0) return { ok: false, errors }
  const plan = layOut(scenes, shots, board)
  // The plan's own check, so what reaches the board is what any imported plan may hold.
  const checked = parseShotPlan(plan)
  return checked.ok ? { ok: true, plan: checked.plan, title } : checked
}

/** Fountain's markup taken out: notes ([[…]]), emphasis (*, **, ***, _) and escapes; runs of spaces kept as typed. */
export function plainText(text: string): string {
  let plain = text.replace(/\[\[[\s\S]*?\]\]/g, '')
  for (let before = ''; before !== plain; ) {
    before = plain
    plain = plain
      .replace(/(?<!\\)(\*{1,3})(?=\S)([\s\S]*?\S)(?<!\\)\1/g, '$2')
      // An underscore inside a word (snake_case) is a character, not underlining.
      .replace(/(?<![\\\p{L}\p{N}])_(?=\S)([\s\S]*?\S)(?<!\\)_(?![\p{L}\p{N}])/gu, '$1')
  }
  return plain
    .replace(/\\([*_\\])/g, '$1')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
}

/** The transition a Fountain transition line names; a plain cut for any other ("CUT TO:", "BACK TO:"). */
function transitionOf(text: string): Transition {
  const upper = text.toUpperCase()
  if (upper.includes('SMASH')) return 'smash-cut'
  if (upper.includes('MATCH')) return 'match-cut'
  if (upper.includes('DISSOLVE')) return 'dissolve'
  if (upper.includes('FADE')) return 'fade'
  if (upper.includes('WIPE')) return 'wipe'
  return 'cut'
}

/** A shot's title: its action's first sentence, cut at a word when longer than {@link TITLE_LENGTH}. */
function titleOf(action: string): string {
  const sentence = (/^[\s\S]*?[.!?…](?=\s|$)/u.exec(action)?.[0] ?? action).replace(/\s+/g, ' ').trim()
  if (sentence.length <= TITLE_LENGTH) return sentence
  const cut = sentence.slice(0, TITLE_LENGTH - 1)
  // Back to the last whole word, unless the cut already falls between two words.
  const lastSpace = /\s/u.test(sentence[TITLE_LENGTH - 1]!) ? cut.length : cut.lastIndexOf(' ')
  return `${(lastSpace > TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–-]+$/u, '')}…`
}

/** Words in `text`: runs of non-space holding a letter or digit. */
function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** Seconds on screen: the board's default, or longer when its dialogue takes longer to say. */
function durationOf(spokenWords: number, fallback: number): number {
  return Math.min(MAX_SHOT_DURATION_SECONDS, Math.max(fallback, Math.ceil(spokenWords / WORDS_PER_SECOND)))
}

function limitErrors(scenes: readonly ShotPlanScene[], shots: readonly DraftShot[]): string[] {
  const errors: string[] = []
  if (scenes.length > MAX_PLAN_SCENES) errors.push(`The screenplay has ${scenes.length} scenes; one import takes at most ${MAX_PLAN_SCENES}`)
  if (shots.length > MAX_PLAN_SHOTS) errors.push(`The screenplay makes ${shots.length} shots; one import takes at most ${MAX_PLAN_SHOTS}`)
  scenes.forEach((scene, i) => {
    if (scene.slugline.length > MAX_TITLE_LENGTH) errors.push(`Scene ${i + 1}'s heading is longer than ${MAX_TITLE_LENGTH} characters`)
  })
  shots.forEach((shot, i) => {
    if (shot.action.length > MAX_TEXT_LENGTH) errors.push(`Shot ${i + 1}'s action paragraph is longer than ${MAX_TEXT_LENGTH} characters`)
    if (shot.dialogue.join('\n').length > MAX_TEXT_LENGTH) errors.push(`Shot ${i + 1}'s dialogue is longer than ${MAX_TEXT_LENGTH} characters`)
  })
  return errors
}

/** The plan: scenes and their shots ordered as written, each scene's shots in rows of their own below the last. */
function layOut(scenes: ShotPlanScene[], drafts: readonly DraftShot[], { settings, shotSize }: ScreenplayBoard): ShotPlan {
  const sceneOrder = getIndices(scenes.length + 1).slice(1)
  scenes.forEach((scene, i) => (scene.order = sceneOrder[i]!))
  const defaults = defaultShotProps()
  const shots: ShotPlanShot[] = []
  let top = 0
  // Shots before the first scene heading (no scene) first, then each scene's.
  for (const group of [null, ...scenes.map((scene) => scene.id)]) {
    const members = drafts.filter((draft) => draft.sceneId === group)
    if (members.length === 0) continue
    const orders = getIndices(members.length + 1).slice(1)
    const sized = members.map(() => ({ id: '', x: 0, y: 0, ...shotSize }))
    const positions = arrangeShots(sized, { origin: { x: 0, y: top }, perRow: SHOTS_PER_ROW })
    members.forEach((draft, i) => {
      const dialogue = draft.dialogue.join('\n')
      shots.push({
        ...defaults,
        id: createShapeId(),
        x: positions[i]!.x,
        y: positions[i]!.y,
        title: titleOf(draft.action),
        action: draft.action,
        dialogue,
        duration: durationOf(draft.spokenWords, defaults.duration),
        sceneId: draft.sceneId,
        order: orders[i]!,
        transitionIn: draft.transitionIn,
        ...shotSize,
        aspect: settings.defaultAspect,
      })
    })
    top = Math.max(...positions.map((p) => p.y)) + shotSize.h + SCENE_GAP
  }
  const { numbering, fps, defaultAspect } = settings
  return { format: SHOT_PLAN_FORMAT, version: SHOT_PLAN_VERSION, settings: { numbering, fps, defaultAspect }, scenes, shots }
}
