import { createShapeId } from '@tldraw/tlschema'
import { getIndices } from '@tldraw/utils'
import { arrangeShots, IMPORT_SHOTS_PER_ROW } from '../arrangeScene'
import { secondsToSay, wordCount } from '../dialogueTiming'
import { MAX_PLAN_SCENES, MAX_PLAN_SHOTS, MAX_SHOT_DURATION_SECONDS, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../limits'
import { createSceneId, defaultSceneProperties, type SceneId } from '../sceneRecord'
import { SHOT_PLAN_FORMAT, SHOT_PLAN_VERSION, type ShotPlan, type ShotPlanScene, type ShotPlanSettings, type ShotPlanShot } from '../shotPlan'
import { parseShotPlan } from '../shotPlanSchema'
import { defaultShotProps } from '../shotShape'
import { locationFromSlugline, timeOfDayFromSlugline } from '../slugline'
import type { Transition } from '../vocabulary'
import type { Screenplay, Speech } from './screenplayElements'
import { cameraFromShotHeading } from './shotHeadingCamera'

/**
 * A screenplay's elements, from whichever reader, turned into a first pass of a storyboard: each
 * scene heading a scene (its slugline, with the place and time of day read from it), each action
 * paragraph a shot (the paragraph its action, its first sentence its title), a shot heading a
 * shot titled with it (the action paragraph right after it its action), and each speech the
 * dialogue of the shot it follows ("MARY: (quietly) You came back."). A transition ("DISSOLVE
 * TO:") sets how the next shot comes in.
 */

/** Longest title made from an action's first sentence, in characters. */
const TITLE_LENGTH = 48
/** An action line that is a transition in capitals: FADE IN:, FADE OUT., CUT TO BLACK., SMASH CUT: … */
const TRANSITION_LINE = /^(?:FADE|DISSOLVE|WIPE|SMASH CUT|MATCH CUT|CUT TO)\b[A-Z .]*[:.]$/u
/** Space between one scene's rows and the next scene's first row (room for captions). */
const SCENE_GAP = 160

export type ScreenplayParseResult = { ok: true; plan: ShotPlan; title: string | null } | { ok: false; errors: string[] }

interface DraftShot {
  sceneId: SceneId | null
  /** Its title when a shot heading gave it one; else made from its action. */
  heading: string | null
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

const NOTHING_TO_BOARD = {
  fountain: 'No action or dialogue found: is this a Fountain screenplay? (Scene headings start with INT. or EXT.)',
  'final-draft': 'No action or dialogue found in this Final Draft script',
} as const

/**
 * The shot plan of `screenplay` for `board`, with fresh ids. Refuses a screenplay with nothing to
 * board and anything past the limits a shot plan has, naming where.
 */
export function screenplayElementsToShotPlan(screenplay: Screenplay, board: ScreenplayBoard): ScreenplayParseResult {
  const scenes: ShotPlanScene[] = []
  const shots: DraftShot[] = []
  let shot: DraftShot | null = null
  // A shot begun by a shot heading, whose action is the next action paragraph.
  let awaitingAction: DraftShot | null = null
  let nextTransition: Transition = 'cut'
  const newShot = (action: string, heading: string | null = null): DraftShot => {
    shot = { sceneId: scenes.at(-1)?.id ?? null, heading, action, dialogue: [], spokenWords: 0, transitionIn: nextTransition }
    shots.push(shot)
    nextTransition = 'cut'
    return shot
  }
  const speak = (line: string, spokenWords: number) => {
    const speaking = shot ?? newShot('')
    speaking.dialogue.push(line)
    speaking.spokenWords += spokenWords
    awaitingAction = null
  }

  for (const element of screenplay.elements) {
    switch (element.kind) {
      case 'scene-heading': {
        const { meta: _meta, ...blank } = defaultSceneProperties()
        scenes.push({
          ...blank,
          id: createSceneId(),
          order: 'a1' as ShotPlanScene['order'],
          slugline: element.text,
          location: locationFromSlugline(element.text),
          timeOfDay: timeOfDayFromSlugline(element.text),
        })
        shot = null
        awaitingAction = null
        break
      }
      case 'action':
        // "FADE IN:" and "FADE OUT." are often written as action lines.
        if (TRANSITION_LINE.test(element.text)) nextTransition = transitionOf(element.text)
        else if (awaitingAction) {
          awaitingAction.action = element.text
          awaitingAction = null
        } else if (element.text) newShot(element.text)
        break
      case 'shot':
        if (element.text) awaitingAction = newShot('', element.text)
        break
      case 'transition':
        nextTransition = transitionOf(element.text)
        break
      case 'speech':
        speak(speechLine(element.speech), spokenWordsOf(element.speech))
        break
      case 'dual-speech': {
        // Said at once: the shot lasts as long as the longer of the two, and the second's cue keeps
        // Fountain's caret ("STEEL ^: …") so that the dialogue, read back, says so. A second speech
        // with no speaker has no cue to mark: read back, it follows the first, so it is timed so.
        const [left, right] = element.speeches
        const words = right.character ? Math.max(spokenWordsOf(left), spokenWordsOf(right)) : spokenWordsOf(left) + spokenWordsOf(right)
        speak(`${speechLine(left)}\n${speechLine(right, true)}`, words)
        break
      }
      case 'lyrics':
        speak(`♪ ${element.text}`, wordCount(element.text))
        break
    }
  }

  if (shots.length === 0) return { ok: false, errors: [NOTHING_TO_BOARD[screenplay.format]] }
  const errors = limitErrors(scenes, shots)
  if (errors.length > 0) return { ok: false, errors }
  const plan = layOut(scenes, shots, board)
  // The plan's own check, so what reaches the board is what any imported plan may hold.
  const checked = parseShotPlan(plan)
  return checked.ok ? { ok: true, plan: checked.plan, title: screenplay.title } : checked
}

/** "MARY: (quietly) You came back.", or "STEEL ^: …" for a speech said at once with the one before. */
function speechLine({ character, lines }: Speech, atOnce = false): string {
  const said = lines.map((line) => line.text).join(' ')
  return character ? `${character}${atOnce ? ' ^' : ''}: ${said}` : said
}

function spokenWordsOf(speech: Speech): number {
  return speech.lines.reduce((sum, line) => sum + (line.kind === 'dialogue' ? wordCount(line.text) : 0), 0)
}

/** The transition a transition line names; a plain cut for any other ("CUT TO:", "BACK TO:"). */
function transitionOf(text: string): Transition {
  const upper = text.toUpperCase()
  if (upper.includes('SMASH')) return 'smash-cut'
  if (upper.includes('MATCH')) return 'match-cut'
  if (upper.includes('DISSOLVE')) return 'dissolve'
  if (upper.includes('FADE')) return 'fade'
  if (upper.includes('WIPE')) return 'wipe'
  return 'cut'
}

/**
 * A shot's title as an import makes it: its shot heading, else its action's first sentence, cut
 * at a word when longer than {@link TITLE_LENGTH}. Exported so a re-import can tell a title the
 * import made (and may remake) from one someone typed.
 */
export function importedShotTitle(heading: string | null, action: string): string {
  const sentence = (heading ?? /^[\s\S]*?[.!?…](?=\s|$)/u.exec(action)?.[0] ?? action).replace(/\s+/g, ' ').trim()
  if (sentence.length <= TITLE_LENGTH) return sentence
  const cut = sentence.slice(0, TITLE_LENGTH - 1)
  // Back to the last whole word, unless the cut already falls between two words.
  const lastSpace = /\s/u.test(sentence[TITLE_LENGTH - 1]!) ? cut.length : cut.lastIndexOf(' ')
  return `${(lastSpace > TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–-]+$/u, '')}…`
}

/** Seconds on screen: the board's default, or longer (whole seconds) when its dialogue takes longer to say. */
function durationOf(spokenWords: number, fallback: number): number {
  return Math.min(MAX_SHOT_DURATION_SECONDS, Math.max(fallback, Math.ceil(secondsToSay(spokenWords))))
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
    const positions = arrangeShots(sized, { origin: { x: 0, y: top }, perRow: IMPORT_SHOTS_PER_ROW })
    members.forEach((draft, i) => {
      shots.push({
        ...defaults,
        id: createShapeId(),
        x: positions[i]!.x,
        y: positions[i]!.y,
        title: importedShotTitle(draft.heading, draft.action),
        action: draft.action,
        dialogue: draft.dialogue.join('\n'),
        duration: durationOf(draft.spokenWords, defaults.duration),
        sceneId: draft.sceneId,
        order: orders[i]!,
        transitionIn: draft.transitionIn,
        camera: { ...defaults.camera, ...(draft.heading ? cameraFromShotHeading(draft.heading) : {}) },
        ...shotSize,
        aspect: settings.defaultAspect,
      })
    })
    top = Math.max(...positions.map((p) => p.y)) + shotSize.h + SCENE_GAP
  }
  const { numbering, fps, defaultAspect } = settings
  return { format: SHOT_PLAN_FORMAT, version: SHOT_PLAN_VERSION, settings: { numbering, fps, defaultAspect }, scenes, shots }
}
