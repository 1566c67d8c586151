import type { TLShapeId } from '@tldraw/tlschema'
import { getIndicesAbove, getIndicesBetween, type IndexKey } from '@tldraw/utils'
import { shotNumbers } from '../numbering'
import type { SceneId } from '../sceneRecord'
import { buildSequence, compareByOrderThenId, compareOrderKeys, type ShotPlacement } from '../sequence'
import type { ShotPlan, ShotPlanScene, ShotPlanShot } from '../shotPlan'
import { sceneLocationAfterSluglineEdit, sceneTimeAfterSluglineEdit } from '../slugline'
import { alignInOrder, type AlignmentStep } from './alignInOrder'
import { pairMovedShots } from './movedShots'
import { sluglineKey, wordSimilarity, wordsOf } from './revisionKeys'
import { importedShotTitle } from './screenplayPlan'
import { mergedText, scriptWordsMark, type ScriptWordsMark } from './scriptWordsMark'

/**
 * A revised screenplay imported into a board that already holds an earlier draft: a revision
 * of the board, not a second copy. The board's scenes are matched to the script's scene
 * headings in order (by slugline, see sluglineKey; a scene whose heading the writer rewrote by
 * its shots), and within a matched scene its shots to the script's shots in order, by their
 * words. A matched shot keeps everything the team made and takes only the script's words (but
 * words the team typed over the import's, see mergedText); what
 * the script adds goes in where the script has it, a shot it moved is moved; what the script no
 * longer has stays on the board and is reported.
 */

/**
 * How alike two shots' words must be (wordSimilarity, 0–1) for a shot the writer edited to
 * still be the same shot: one word changed in a five-word action is 0.8, half the words
 * rewritten 0.5. Exact matches are found first, so this only pairs what is left between them.
 */
export const SIMILAR_SHOT_THRESHOLD = 0.6

/**
 * How many of two scenes' shots must be the same shots (as SIMILAR_SHOT_THRESHOLD pairs them),
 * as twice the pairs over both counts, for a scene whose heading the writer rewrote to still be
 * that scene; only scenes between the same two matched scenes are compared.
 */
export const SIMILAR_SCENE_THRESHOLD = 0.6

/**
 * Shot comparisons (board shots × script shots, summed over the scenes compared) spent at most
 * on finding scenes whose heading changed; past it the rest are taken as new and no longer in
 * the script, as before, so another script with a heading in common costs what it has.
 */
const MAX_SCENE_SHOT_PAIRS = 1_000_000

/** What a revision does to the board. */
export interface ScreenplayRevisionReport {
  /** Matched shots whose action, dialogue or (import-made) title the script changed. */
  readonly updatedShots: number
  /**
   * Matched shots whose action or dialogue the team typed on the board and the script changed
   * too: the team's words kept (see mergedText), with their numbers once the revision is in.
   */
  readonly keptEdits: readonly { readonly id: TLShapeId; readonly number: string }[]
  /** The mark (scriptWordsMark) of the script's words for each shot the script has, new or on the board. */
  readonly scriptWords: ReadonlyMap<TLShapeId, ScriptWordsMark>
  /** Scenes (matched by their shots) whose heading the script rewrote: they take its heading. */
  readonly updatedHeadings: number
  readonly addedShots: number
  readonly addedScenes: number
  /**
   * The board's shots the script no longer has (kept on the board), in reading order, with
   * their numbers as the board numbers them once the revision is in.
   */
  readonly missingShots: readonly { readonly id: TLShapeId; readonly number: string }[]
  /**
   * The board's shots the script has elsewhere (another scene, or further along their own),
   * each with where it goes in the strip once the plan is in, in the script's order: moved one
   * after another, each placement holds. Their new words are in the plan.
   */
  readonly movedShots: readonly { readonly id: TLShapeId; readonly placement: ShotPlacement }[]
  /**
   * Each new shot in a scene the board already has, with the shot it follows in the strip
   * (one of the board's or a new one before it): on the canvas it goes beside that shot.
   */
  readonly placeAfter: ReadonlyMap<TLShapeId, TLShapeId>
  /**
   * Each new shot at the start of a scene the board already has, before its first shot that
   * stays there, with that board shot: on the canvas the run goes in a slot opened at the start
   * of its row, in the script's order.
   */
  readonly placeBefore: ReadonlyMap<TLShapeId, TLShapeId>
}

export type ScreenplayRevision =
  /** No scene of the board is in the script (a fresh board, or another script): import it as it is. */
  | { readonly kind: 'first-import' }
  /** The plan to put into the board (only the shots it changes or adds, and their scenes) and what it does. */
  | { readonly kind: 'revision'; readonly plan: ShotPlan; readonly report: ScreenplayRevisionReport }

/** A shot with the words it is matched by: its action, or its dialogue when it has none, or its title. */
interface ShotWords {
  readonly shot: ShotPlanShot
  readonly words: string[]
  readonly key: string
}

function shotWords(shot: ShotPlanShot): ShotWords {
  let words = wordsOf(shot.action)
  if (words.length === 0) words = wordsOf(shot.dialogue)
  if (words.length === 0) words = wordsOf(shot.title)
  return { shot, words, key: words.join(' ') }
}

/** Fresh order keys for `n` items between two (either may be null); after `below` when they are out of order. */
function keysBetween(below: string | null, above: string | null, n: number): IndexKey[] {
  if (below !== null && above !== null && compareOrderKeys(below, above) >= 0) return getIndicesAbove(below as IndexKey, n)
  return getIndicesBetween(below as IndexKey | null, above as IndexKey | null, n)
}

/** Shots by scene id (null: shots in no scene, or in a scene not in `sceneIds`), each group in order. */
function groupShots(shots: readonly ShotPlanShot[], sceneIds: ReadonlySet<string>): Map<string | null, ShotPlanShot[]> {
  const groups = new Map<string | null, ShotPlanShot[]>()
  for (const shot of shots) {
    const group = shot.sceneId !== null && sceneIds.has(shot.sceneId) ? shot.sceneId : null
    ;(groups.get(group) ?? groups.set(group, []).get(group)!).push(shot)
  }
  for (const group of groups.values()) group.sort(compareByOrderThenId)
  return groups
}

/**
 * Walks alignment `steps` of `board` against the new side, handing each run of new items,
 * with fresh order keys between the board items around it, to `insert`.
 */
function walkInserting<B extends { order: string }>(
  steps: readonly AlignmentStep[],
  board: readonly B[],
  visit: { both: (old: number, next: number) => void; old: (old: number) => void; insert: (news: number[], keys: IndexKey[]) => void },
): void {
  let lastBoard = -1
  let pending: number[] = []
  const flush = () => {
    if (pending.length === 0) return
    visit.insert(pending, keysBetween(board[lastBoard]?.order ?? null, board[lastBoard + 1]?.order ?? null, pending.length))
    pending = []
  }
  for (const step of steps) {
    if (step.kind === 'new') {
      pending.push(step.new)
      continue
    }
    flush()
    if (step.kind === 'both') visit.both(step.old, step.new)
    else visit.old(step.old)
    lastBoard = step.old
  }
  flush()
}

/** One place in a group (a scene, or the shots in no scene) as the script has it, in order. */
type WalkItem = { readonly kind: 'board'; readonly shot: ShotPlanShot; readonly missing: boolean } | { readonly kind: 'new'; readonly shot: ShotPlanShot }

/** A group walked against the script: a scene of the board, a new scene, or the board's shots in no scene. */
interface GroupWalk {
  readonly sceneId: SceneId | null
  /** Whether the board has the group already (its new shots go beside the shots they follow). */
  readonly onBoard: boolean
  readonly items: WalkItem[]
}

/** What the revision puts into the board, gathered as the scenes are walked. */
interface Revising {
  /** Matched board shots with the script's words, when those changed. */
  readonly revised: Map<TLShapeId, ShotPlanShot>
  readonly walks: GroupWalk[]
  /** Board scenes (matched by their shots) with the script's heading. */
  readonly headings: ShotPlanScene[]
  /** What the last import gave each board shot (its meta's mark), to tell the team's words from it. */
  readonly marks: ReadonlyMap<TLShapeId, ScriptWordsMark>
  /** Board shots whose own words were kept where the script changed them too. */
  readonly kept: Set<TLShapeId>
  /** The mark of the script's words of each shot the script has (board shots by their board id). */
  readonly scriptWords: Map<TLShapeId, ScriptWordsMark>
}

/**
 * Whether a board shot looks like one a script made: it has an action or dialogue. A shot added
 * by hand (New shot after, a title at most) was never in the script, so it is never reported
 * as no longer in it.
 */
function fromScript(shot: ShotPlanShot): boolean {
  return shot.action.trim() !== '' || shot.dialogue.trim() !== ''
}

/**
 * The board's shot with the script's words: action and dialogue (each unless the team typed its
 * own over the import's, see mergedText; `out.kept` then names the shot when the script changed
 * it too), and the title when it is still the one the import made from the action it now takes.
 */
function withScriptWords(board: ShotPlanShot, script: ShotPlanShot, out: Pick<Revising, 'marks' | 'kept' | 'scriptWords'>): ShotPlanShot {
  out.scriptWords.set(board.id, scriptWordsMark(script))
  const mark = out.marks.get(board.id)
  const action = mergedText(board.action, script.action, mark?.action)
  const dialogue = mergedText(board.dialogue, script.dialogue, mark?.dialogue)
  if (action.kept || dialogue.kept) out.kept.add(board.id)
  const titleFollows = board.title === importedShotTitle(null, board.action) && action.text === script.action
  return { ...board, action: action.text, dialogue: dialogue.text, title: titleFollows ? script.title : board.title }
}

/** A board shot's words as matching reads them: those the last import gave it, when it noted them (see scriptWordsMark). */
function boardShotWords(shot: ShotPlanShot, marks: ReadonlyMap<TLShapeId, ScriptWordsMark>): ShotWords {
  const mark = marks.get(shot.id)
  return mark ? { ...shotWords({ ...shot, ...mark }), shot } : shotWords(shot)
}

/** Lines up a group's board shots with the script's, in order, by their words. */
function alignShots(board: readonly ShotWords[], script: readonly ShotWords[]): AlignmentStep[] {
  return alignInOrder(board, script, {
    key: (shot) => shot.key,
    similar: (a, b) => wordSimilarity(a.words, b.words) >= SIMILAR_SHOT_THRESHOLD,
  })
}

/** Walks one of the board's scenes (or its shots in no scene) against the script's scene it matched. */
function reviseShots(board: readonly ShotPlanShot[], script: readonly ShotPlanShot[], sceneId: SceneId | null, out: Revising): void {
  const items: WalkItem[] = []
  walkInserting(alignShots(board.map((shot) => boardShotWords(shot, out.marks)), script.map(shotWords)), board, {
    both: (o, n) => {
      const revised = withScriptWords(board[o]!, script[n]!, out)
      const { action, dialogue, title } = board[o]!
      if (revised.action !== action || revised.dialogue !== dialogue || revised.title !== title) out.revised.set(revised.id, revised)
      items.push({ kind: 'board', shot: board[o]!, missing: false })
    },
    old: (o) => items.push({ kind: 'board', shot: board[o]!, missing: fromScript(board[o]!) }),
    insert: (news, keys) => news.forEach((n, i) => items.push({ kind: 'new', shot: { ...script[n]!, sceneId, order: keys[i]! } })),
  })
  out.walks.push({ sceneId, onBoard: true, items })
}

/**
 * Whether a board scene and a script scene of different headings are the same scene, its
 * heading rewritten: enough of their shots are the same (SIMILAR_SCENE_THRESHOLD). Only a
 * scene with a heading (one an import made) and shots from a script; within a budget of
 * comparisons over the whole revision (MAX_SCENE_SHOT_PAIRS).
 */
function scenesAlike(
  boardShots: ReadonlyMap<string | null, ShotPlanShot[]>,
  scriptShots: ReadonlyMap<string | null, ShotPlanShot[]>,
  marks: ReadonlyMap<TLShapeId, ScriptWordsMark>,
) {
  let budget = MAX_SCENE_SHOT_PAIRS
  // Each scene's words once, however many scenes it is compared with.
  const boardWords = new Map<string, ShotWords[]>()
  const scriptWords = new Map<string, ShotWords[]>()
  const wordsOfScene = (memo: Map<string, ShotWords[]>, id: string, shots: () => ShotPlanShot[], marked: ReadonlyMap<TLShapeId, ScriptWordsMark> = new Map()) =>
    memo.get(id) ?? memo.set(id, shots().map((shot) => boardShotWords(shot, marked))).get(id)!
  return (board: ShotPlanScene, script: ShotPlanScene): boolean => {
    if (sluglineKey(board.slugline) === '') return false
    const olds = wordsOfScene(boardWords, board.id, () => (boardShots.get(board.id) ?? []).filter(fromScript), marks)
    const news = wordsOfScene(scriptWords, script.id, () => scriptShots.get(script.id) ?? [])
    const total = olds.length + news.length
    // No shots, or even every shot of the smaller scene paired would not be enough.
    if (olds.length === 0 || news.length === 0 || (2 * Math.min(olds.length, news.length)) / total < SIMILAR_SCENE_THRESHOLD) return false
    budget -= olds.length * news.length
    if (budget < 0) return false
    return (2 * alignShots(olds, news).filter((step) => step.kind === 'both').length) / total >= SIMILAR_SCENE_THRESHOLD
  }
}

/** A board scene with the heading the script gives it: the place and time of day follow the slugline unless set by hand. */
function withScriptHeading(board: ShotPlanScene, slugline: string): ShotPlanScene {
  return { ...board, slugline, location: sceneLocationAfterSluglineEdit(board, slugline), timeOfDay: sceneTimeAfterSluglineEdit(board, slugline) }
}

/**
 * The revision of `board` (its current plan, exportShotPlan of its records) by `script` (the
 * plan of the revised screenplay, fresh ids; `marks`, what the last import gave the board's
 * shots, scriptWordsMark): the plan to apply and what it does, or
 * first-import when no scene of the board is in the script. Pure; matching is linear-ish in
 * the plans' sizes (a diff bounded in edits, see alignInOrder), never cubic.
 */
export function reviseShotPlan(board: ShotPlan, script: ShotPlan, marks: ReadonlyMap<TLShapeId, ScriptWordsMark> = new Map()): ScreenplayRevision {
  const boardScenes = [...board.scenes].sort(compareByOrderThenId)
  const boardShots = groupShots(board.shots, new Set(boardScenes.map((scene) => scene.id)))
  const scriptShots = groupShots(script.shots, new Set(script.scenes.map((scene) => scene.id)))
  const steps = alignInOrder(boardScenes, script.scenes, { key: (scene) => sluglineKey(scene.slugline), similar: scenesAlike(boardShots, scriptShots, marks) })
  if (!steps.some((step) => step.kind === 'both')) return { kind: 'first-import' }

  const out: Revising = { revised: new Map(), walks: [], headings: [], marks, kept: new Set(), scriptWords: new Map() }
  const newScenes: ShotPlanScene[] = []
  walkInserting(steps, boardScenes, {
    both: (o, n) => {
      const [scene, scriptScene] = [boardScenes[o]!, script.scenes[n]!]
      if (sluglineKey(scene.slugline) !== sluglineKey(scriptScene.slugline)) out.headings.push(withScriptHeading(scene, scriptScene.slugline))
      reviseShots(boardShots.get(scene.id) ?? [], scriptShots.get(scriptScene.id) ?? [], scene.id, out)
    },
    // A scene with no heading was made on the board, not by an import: not "no longer in the script".
    old: (o) => {
      const scene = boardScenes[o]!
      const missing = sluglineKey(scene.slugline) !== '' ? (boardShots.get(scene.id) ?? []).filter(fromScript) : []
      out.walks.push({ sceneId: scene.id, onBoard: true, items: missing.map((shot) => ({ kind: 'board', shot, missing: true })) })
    },
    insert: (news, keys) =>
      news.forEach((n, i) => {
        const scene = { ...script.scenes[n]!, order: keys[i]! }
        newScenes.push(scene)
        out.walks.push({ sceneId: scene.id, onBoard: false, items: (scriptShots.get(script.scenes[n]!.id) ?? []).map((shot) => ({ kind: 'new', shot })) })
      }),
  })
  // Shots before the script's first heading are revised against the board's shots in no scene;
  // a script without any leaves those alone (they were drawn on the board).
  const looseScript = scriptShots.get(null) ?? []
  if (looseScript.length > 0) reviseShots(boardShots.get(null) ?? [], looseScript, null, out)

  const settled = settle(out.walks, out)
  const updated = [...out.revised.values()].filter((shot) => !settled.moved.has(shot.id))
  const shots = [...updated, ...settled.shots]
  const touched = new Set(shots.map((shot) => shot.sceneId))
  const headings = new Map(out.headings.map((scene) => [scene.id, scene]))
  const scenes = [
    ...boardScenes.filter((scene) => touched.has(scene.id) || headings.has(scene.id)).map((scene) => headings.get(scene.id) ?? scene),
    ...newScenes,
  ].sort(compareByOrderThenId)
  const plan: ShotPlan = { ...board, scenes, shots }
  return {
    kind: 'revision',
    plan,
    report: {
      updatedShots: updated.length,
      keptEdits: shotNumbersOf(board, plan, [...out.kept], settled.moved),
      scriptWords: out.scriptWords,
      updatedHeadings: out.headings.length,
      addedShots: settled.added,
      addedScenes: newScenes.length,
      missingShots: shotNumbersOf(board, plan, settled.missing.map((shot) => shot.id), settled.moved),
      movedShots: settled.movedShots,
      placeAfter: settled.placeAfter,
      placeBefore: settled.placeBefore,
    },
  }
}

/** What the walked groups come to once moved shots are paired: the shots to put in, and what is where. */
interface Settled {
  /** New shots, and moved shots whose words changed, in the script's order. */
  readonly shots: ShotPlanShot[]
  added: number
  readonly missing: ShotPlanShot[]
  /** Each moved board shot with its scene and order key once moved (for numbering). */
  readonly moved: Map<TLShapeId, Pick<ShotPlanShot, 'sceneId' | 'order'>>
  readonly movedShots: { id: TLShapeId; placement: ShotPlacement }[]
  readonly placeAfter: Map<TLShapeId, TLShapeId>
  readonly placeBefore: Map<TLShapeId, TLShapeId>
}

/**
 * Pairs the board shots no longer where the script has them with new shots elsewhere
 * (pairMovedShots), then reads each group in order: a new shot goes beside the shot before it
 * that stays on the board, a moved one after the shot before it once the moves before it are
 * made.
 */
function settle(walks: readonly GroupWalk[], revising: Pick<Revising, 'marks' | 'kept' | 'scriptWords'>): Settled {
  const missing = walks.flatMap((walk) => walk.items.filter((item) => item.kind === 'board' && item.missing).map((item) => item.shot))
  const added = walks.flatMap((walk) => walk.items.filter((item) => item.kind === 'new').map((item) => item.shot))
  const pairs = pairMovedShots(missing.map((shot) => boardShotWords(shot, revising.marks)), added.map(shotWords), SIMILAR_SHOT_THRESHOLD)
  const movedTo = new Map([...pairs].map(([j, i]) => [added[j]!.id, missing[i]!]))
  const movedAway = new Set(movedTo.values())
  const out: Settled = {
    shots: [],
    added: 0,
    missing: missing.filter((shot) => !movedAway.has(shot)),
    moved: new Map(),
    movedShots: [],
    placeAfter: new Map(),
    placeBefore: new Map(),
  }
  for (const { sceneId, onBoard, items } of walks) {
    // The last shot that stays where it is (for the canvas), and the last one in the strip once moved ones are in.
    let besideOf: TLShapeId | null = null
    let after: TLShapeId | null = null
    // New shots before the group's first board shot that stays: they go before it.
    let leading: TLShapeId[] | null = []
    for (const { kind, shot } of items) {
      if (kind === 'board') {
        if (movedAway.has(shot)) continue
        leading?.forEach((id) => out.placeBefore.set(id, shot.id))
        leading = null
        besideOf = after = shot.id
        continue
      }
      const from = movedTo.get(shot.id)
      if (from) {
        const words = withScriptWords(from, shot, revising)
        if (words.action !== from.action || words.dialogue !== from.dialogue || words.title !== from.title) out.shots.push(words)
        out.moved.set(from.id, { sceneId, order: shot.order })
        out.movedShots.push({ id: from.id, placement: after ? { after } : { sceneId, at: 'start' } })
        after = from.id
        continue
      }
      out.shots.push(shot)
      revising.scriptWords.set(shot.id, scriptWordsMark(shot))
      out.added++
      if (onBoard && leading) leading.push(shot.id)
      else if (onBoard && besideOf) out.placeAfter.set(shot.id, besideOf)
      besideOf = after = shot.id
    }
  }
  return out
}

/** The board shots `ids` with their numbers on the board once `revision` is in, in reading order. */
function shotNumbersOf(
  board: ShotPlan,
  revision: ShotPlan,
  ids: readonly TLShapeId[],
  moved: ReadonlyMap<TLShapeId, Pick<ShotPlanShot, 'sceneId' | 'order'>>,
): ScreenplayRevisionReport['missingShots'] {
  if (ids.length === 0) return []
  const revised = new Map(revision.shots.map((shot) => [shot.id, shot]))
  for (const shot of board.shots) {
    const place = moved.get(shot.id)
    if (place) revised.set(shot.id, { ...(revised.get(shot.id) ?? shot), ...place })
  }
  const boardIds = new Set(board.scenes.map((scene) => scene.id))
  const scenes = [...board.scenes, ...revision.scenes.filter((scene) => !boardIds.has(scene.id))]
  const onBoard = new Set<string>(board.shots.map((shot) => shot.id))
  const shots = [...board.shots.map((shot) => revised.get(shot.id) ?? shot), ...revision.shots.filter((shot) => !onBoard.has(shot.id))]
  const numbers = shotNumbers(buildSequence(scenes, shots), board.settings.numbering)
  const order = [...numbers.keys()]
  const wanted = new Set<string>(ids)
  return order.filter((id) => wanted.has(id)).map((id) => ({ id: id as TLShapeId, number: numbers.get(id)! }))
}
