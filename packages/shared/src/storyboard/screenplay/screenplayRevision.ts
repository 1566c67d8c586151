import type { TLShapeId } from '@tldraw/tlschema'
import { getIndicesAbove, getIndicesBetween, type IndexKey } from '@tldraw/utils'
import { shotNumbers } from '../numbering'
import type { SceneId } from '../sceneRecord'
import { buildSequence, compareByOrderThenId, compareOrderKeys } from '../sequence'
import type { ShotPlan, ShotPlanScene, ShotPlanShot } from '../shotPlan'
import { alignInOrder, type AlignmentStep } from './alignInOrder'
import { sluglineKey, wordSimilarity, wordsOf } from './revisionKeys'
import { importedShotTitle } from './screenplayPlan'

/**
 * A revised screenplay imported into a board that already holds an earlier draft: a revision
 * of the board, not a second copy. The board's scenes are matched to the script's scene
 * headings in order (by slugline, see sluglineKey), and within a matched scene its shots to
 * the script's shots in order, by their words. A matched shot keeps everything the team made
 * and takes only the script's words; what the script adds goes in where the script has it;
 * what the script no longer has stays on the board and is reported.
 */

/**
 * How alike two shots' words must be (wordSimilarity, 0–1) for a shot the writer edited to
 * still be the same shot: one word changed in a five-word action is 0.8, half the words
 * rewritten 0.5. Exact matches are found first, so this only pairs what is left between them.
 */
export const SIMILAR_SHOT_THRESHOLD = 0.6

/** What a revision does to the board. */
export interface ScreenplayRevisionReport {
  /** Matched shots whose action, dialogue or (import-made) title the script changed. */
  readonly updatedShots: number
  readonly addedShots: number
  readonly addedScenes: number
  /**
   * The board's shots the script no longer has (kept on the board), in reading order, with
   * their numbers as the board numbers them once the revision is in.
   */
  readonly missingShots: readonly { readonly id: TLShapeId; readonly number: string }[]
  /**
   * Each new shot in a scene the board already has, with the shot it follows in the strip
   * (one of the board's or a new one before it): on the canvas it goes beside that shot.
   */
  readonly placeAfter: ReadonlyMap<TLShapeId, TLShapeId>
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

/** What the revision puts into the board, gathered as the scenes are walked. */
interface Revising {
  readonly shots: ShotPlanShot[]
  readonly missing: ShotPlanShot[]
  readonly placeAfter: Map<TLShapeId, TLShapeId>
  updated: number
  added: number
}

/**
 * Whether a board shot looks like one a script made: it has an action or dialogue. A shot added
 * by hand (New shot after, a title at most) was never in the script, so it is never reported
 * as no longer in it.
 */
function fromScript(shot: ShotPlanShot): boolean {
  return shot.action.trim() !== '' || shot.dialogue.trim() !== ''
}

/** The board's shot with the script's words: action and dialogue, and the title when it is still the one the import made. */
function withScriptWords(board: ShotPlanShot, script: ShotPlanShot): ShotPlanShot {
  const titleWasImported = board.title === importedShotTitle(null, board.action)
  return { ...board, action: script.action, dialogue: script.dialogue, title: titleWasImported ? script.title : board.title }
}

/** Revises one of the board's scenes (or its shots in no scene) with the script's scene of the same heading. */
function reviseShots(board: readonly ShotPlanShot[], script: readonly ShotPlanShot[], sceneId: SceneId | null, out: Revising): void {
  const boardWords = board.map(shotWords)
  const scriptWords = script.map(shotWords)
  const steps = alignInOrder(boardWords, scriptWords, {
    key: (shot) => shot.key,
    similar: (a, b) => wordSimilarity(a.words, b.words) >= SIMILAR_SHOT_THRESHOLD,
  })
  // The shot a new one follows in the strip: the last board shot walked, or the new one before it.
  let anchor: TLShapeId | null = null
  walkInserting(steps, board, {
    both: (o, n) => {
      const revised = withScriptWords(board[o]!, script[n]!)
      const { action, dialogue, title } = board[o]!
      if (revised.action !== action || revised.dialogue !== dialogue || revised.title !== title) {
        out.shots.push(revised)
        out.updated++
      }
      anchor = board[o]!.id
    },
    old: (o) => {
      if (fromScript(board[o]!)) out.missing.push(board[o]!)
      anchor = board[o]!.id
    },
    insert: (news, keys) => {
      news.forEach((n, i) => {
        const shot = { ...script[n]!, sceneId, order: keys[i]! }
        out.shots.push(shot)
        if (anchor) out.placeAfter.set(shot.id, anchor)
        anchor = shot.id
      })
      out.added += news.length
    },
  })
}

/**
 * The revision of `board` (its current plan, exportShotPlan of its records) by `script` (the
 * plan of the revised screenplay, fresh ids): the plan to apply and what it does, or
 * first-import when no scene of the board is in the script. Pure; matching is linear-ish in
 * the plans' sizes (a diff bounded in edits, see alignInOrder), never cubic.
 */
export function reviseShotPlan(board: ShotPlan, script: ShotPlan): ScreenplayRevision {
  const boardScenes = [...board.scenes].sort(compareByOrderThenId)
  const steps = alignInOrder(boardScenes, script.scenes, { key: (scene) => sluglineKey(scene.slugline) })
  if (!steps.some((step) => step.kind === 'both')) return { kind: 'first-import' }

  const boardShots = groupShots(board.shots, new Set(boardScenes.map((scene) => scene.id)))
  const scriptShots = groupShots(script.shots, new Set(script.scenes.map((scene) => scene.id)))
  const out: Revising = { shots: [], missing: [], placeAfter: new Map(), updated: 0, added: 0 }
  const newScenes: ShotPlanScene[] = []
  walkInserting(steps, boardScenes, {
    both: (o, n) => reviseShots(boardShots.get(boardScenes[o]!.id) ?? [], scriptShots.get(script.scenes[n]!.id) ?? [], boardScenes[o]!.id, out),
    // A scene with no heading was made on the board, not by an import: not "no longer in the script".
    old: (o) => {
      if (sluglineKey(boardScenes[o]!.slugline) !== '') out.missing.push(...(boardShots.get(boardScenes[o]!.id) ?? []).filter(fromScript))
    },
    insert: (news, keys) =>
      news.forEach((n, i) => {
        const scene = script.scenes[n]!
        newScenes.push({ ...scene, order: keys[i]! })
        const shots = scriptShots.get(scene.id) ?? []
        out.shots.push(...shots)
        out.added += shots.length
      }),
  })
  // Shots before the script's first heading are revised against the board's shots in no scene;
  // a script without any leaves those alone (they were drawn on the board).
  const looseScript = scriptShots.get(null) ?? []
  if (looseScript.length > 0) reviseShots(boardShots.get(null) ?? [], looseScript, null, out)

  const touched = new Set(out.shots.map((shot) => shot.sceneId))
  const scenes = [...boardScenes.filter((scene) => touched.has(scene.id)), ...newScenes].sort(compareByOrderThenId)
  const plan: ShotPlan = { ...board, scenes, shots: out.shots }
  return {
    kind: 'revision',
    plan,
    report: {
      updatedShots: out.updated,
      addedShots: out.added,
      addedScenes: newScenes.length,
      missingShots: missingNumbers(board, plan, out.missing),
      placeAfter: out.placeAfter,
    },
  }
}

/** The missing shots with their numbers on the board once `revision` is in, in reading order. */
function missingNumbers(board: ShotPlan, revision: ShotPlan, missing: readonly ShotPlanShot[]): ScreenplayRevisionReport['missingShots'] {
  if (missing.length === 0) return []
  const revised = new Map(revision.shots.map((shot) => [shot.id, shot]))
  const boardIds = new Set(board.scenes.map((scene) => scene.id))
  const scenes = [...board.scenes, ...revision.scenes.filter((scene) => !boardIds.has(scene.id))]
  const onBoard = new Set<string>(board.shots.map((shot) => shot.id))
  const shots = [...board.shots.map((shot) => revised.get(shot.id) ?? shot), ...revision.shots.filter((shot) => !onBoard.has(shot.id))]
  const numbers = shotNumbers(buildSequence(scenes, shots), board.settings.numbering)
  const order = [...numbers.keys()]
  const isMissing = new Set<string>(missing.map((shot) => shot.id))
  return order.filter((id) => isMissing.has(id)).map((id) => ({ id: id as TLShapeId, number: numbers.get(id)! }))
}
