import { getIndicesBetween } from '@tldraw/utils'
import type { IndexKey } from '@tldraw/utils'
import type { TLShotShape } from './shotShape'

/**
 * The reading order of a board: scenes in (order key, id) order, and within each scene its
 * shots in (order key, id) order; shots without a scene (or whose scene is gone) come last.
 *
 * Order keys are fractional index keys, and each shot's key lives on the shot's own record.
 * With last-writer-wins per record, two people who reorder at the same time each write only
 * the shots they moved. Keys computed independently may collide, so every comparison breaks
 * ties by id: every screen sorts the same set of (key, id) pairs and gets the same order.
 */

/** What ordering needs to know about a scene. */
export interface SequenceScene {
  readonly id: string
  readonly order: string
}

/** What ordering needs to know about a shot. */
export interface SequenceShot {
  readonly id: string
  readonly sceneId: string | null
  readonly order: string
}

/** One shot in reading order. */
export interface SequenceEntry<Shot extends SequenceShot, Scene extends SequenceScene> {
  readonly shot: Shot
  /** The shot's scene, or null when it is unassigned. */
  readonly scene: Scene | null
  /** 1-based number of the scene in the board, or null when unassigned. */
  readonly sceneNumber: number | null
  /** 1-based number of the shot within its scene (or within the unassigned shots). */
  readonly shotNumber: number
  /** 0-based position in the whole sequence. */
  readonly position: number
}

/** A board's shots in reading order. */
export interface Sequence<Shot extends SequenceShot = SequenceShot, Scene extends SequenceScene = SequenceScene> {
  /** Every scene in order, including scenes with no shots. */
  readonly scenes: readonly Scene[]
  readonly entries: readonly SequenceEntry<Shot, Scene>[]
}

/** Where to put shots: next to a shot, or at one end of a scene (null: the unassigned shots). */
export type ShotPlacement =
  | { readonly before: string }
  | { readonly after: string }
  | { readonly sceneId: string | null; readonly at: 'start' | 'end' }

/** Where to put a scene: next to another scene, or at one end of the board. */
export type ScenePlacement = { readonly before: string } | { readonly after: string } | { readonly at: 'start' | 'end' }

/** A shot's new place, to be written to its record. */
export interface ShotOrderUpdate {
  readonly id: string
  readonly sceneId: string | null
  readonly order: IndexKey
}

/** A scene's new order key, to be written to its record. */
export interface SceneOrderUpdate {
  readonly id: string
  readonly order: IndexKey
}

/** A placement that names a shot or scene that is not in the sequence. */
export class SequenceError extends Error {
  override name = 'SequenceError'
}

/**
 * Compares two order keys by UTF-16 code units, the order fractional index keys are generated
 * in. Never use `localeCompare`: it sorts `'a'` and `'B'` the other way round.
 */
export function compareOrderKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Compares by order key, then by id, which makes the order total. */
export function compareByOrderThenId(a: { id: string; order: string }, b: { id: string; order: string }): number {
  return compareOrderKeys(a.order, b.order) || compareOrderKeys(a.id, b.id)
}

/** The ordering view of a shot shape, keeping the shape for the caller. */
export function sequenceShotOf(shape: TLShotShape): SequenceShot & { readonly duration: number; readonly shape: TLShotShape } {
  const { sceneId, order, duration } = shape.props
  return { id: shape.id, sceneId, order, duration, shape }
}

/** Puts scenes and shots in reading order and numbers them. */
export function buildSequence<Shot extends SequenceShot, Scene extends SequenceScene>(
  scenes: readonly Scene[],
  shots: readonly Shot[],
): Sequence<Shot, Scene> {
  const sortedScenes = [...scenes].sort(compareByOrderThenId)
  const groups = new Map<string | null, Shot[]>()
  for (const scene of sortedScenes) groups.set(scene.id, [])
  groups.set(null, [])
  for (const shot of shots) {
    const group = (shot.sceneId !== null && groups.get(shot.sceneId)) || groups.get(null)!
    group.push(shot)
  }
  const entries: SequenceEntry<Shot, Scene>[] = []
  const emit = (scene: Scene | null, sceneNumber: number | null, group: Shot[]) => {
    group.sort(compareByOrderThenId)
    group.forEach((shot, i) => entries.push({ shot, scene, sceneNumber, shotNumber: i + 1, position: entries.length }))
  }
  sortedScenes.forEach((scene, i) => emit(scene, i + 1, groups.get(scene.id)!))
  emit(null, null, groups.get(null)!)
  return { scenes: sortedScenes, entries }
}

/** The shots of one scene in order; `null` gives the unassigned shots. */
export function shotsOfScene<Shot extends SequenceShot>(sequence: Sequence<Shot>, sceneId: string | null): Shot[] {
  return sequence.entries.filter((e) => (e.scene?.id ?? null) === sceneId).map((e) => e.shot)
}

/**
 * The shot `delta` steps from `shotId` in reading order, stopping at either end. With no
 * current shot, stepping forward starts at the first shot and stepping back at the last.
 * Returns null only for an empty board.
 */
export function stepShot(sequence: Sequence, shotId: string | null, delta: number): string | null {
  const { entries } = sequence
  if (entries.length === 0) return null
  const current = shotId === null ? -1 : entries.findIndex((e) => e.shot.id === shotId)
  const from = current === -1 ? (delta >= 0 ? -1 : entries.length) : current
  const to = Math.min(entries.length - 1, Math.max(0, from + delta))
  return entries[to]!.shot.id
}

/**
 * New keys for `count` items inserted before `siblings[index]` (siblings sorted by
 * `compareByOrderThenId`). When the neighbours share a key (a tie from concurrent writes)
 * there is no key strictly between them, so the tied items after the insertion point get
 * fresh keys too, keeping their order.
 */
function keysAt<S extends { id: string; order: string }>(
  siblings: readonly S[],
  index: number,
  count: number,
): { keys: IndexKey[]; rekeyed: { item: S; order: IndexKey }[] } {
  const below = siblings[index - 1]?.order ?? null
  const above = siblings[index]?.order ?? null
  if (below === null || above === null || below !== above) {
    return { keys: getIndicesBetween(below as IndexKey | null, above as IndexKey | null, count), rekeyed: [] }
  }
  let end = index
  while (siblings[end]?.order === below) end++
  const upper = (siblings[end]?.order ?? null) as IndexKey | null
  const tied = siblings.slice(index, end)
  const keys = getIndicesBetween(below as IndexKey, upper, count + tied.length)
  return { keys: keys.slice(0, count), rekeyed: tied.map((item, i) => ({ item, order: keys[count + i]! })) }
}

/** Resolves a placement to a scene group and an insertion index among the shots that stay. */
function resolveShotPlacement<Shot extends SequenceShot>(
  sequence: Sequence<Shot>,
  moving: ReadonlySet<string>,
  placement: ShotPlacement,
): { sceneId: string | null; siblings: Shot[]; index: number; group: Shot[] } {
  let sceneId: string | null
  let index: (siblingEntries: SequenceEntry<Shot, SequenceScene>[]) => number
  if ('sceneId' in placement) {
    sceneId = placement.sceneId
    if (sceneId !== null && !sequence.scenes.some((s) => s.id === sceneId)) {
      throw new SequenceError(`There is no scene ${sceneId} on this board`)
    }
    index = (siblingEntries) => (placement.at === 'start' ? 0 : siblingEntries.length)
  } else {
    const targetId = 'before' in placement ? placement.before : placement.after
    const target = sequence.entries.find((e) => e.shot.id === targetId)
    if (!target) throw new SequenceError(`There is no shot ${targetId} on this board`)
    sceneId = target.scene?.id ?? null
    // Counting by position also works when the target is one of the shots being moved.
    index = (siblingEntries) =>
      siblingEntries.filter((e) => ('before' in placement ? e.position < target.position : e.position <= target.position))
        .length
  }
  const groupEntries = sequence.entries.filter((e) => (e.scene?.id ?? null) === sceneId)
  const siblingEntries = groupEntries.filter((e) => !moving.has(e.shot.id))
  return {
    sceneId,
    siblings: siblingEntries.map((e) => e.shot),
    index: index(siblingEntries),
    group: groupEntries.map((e) => e.shot),
  }
}

/**
 * Moves shots (keeping their reading order among themselves) to a place in the sequence,
 * possibly into another scene. Returns the records to update: the moved shots, and rarely
 * a few neighbours whose tied keys had to be spread. Returns nothing when the shots are
 * already there. Ids that are not in the sequence are ignored (the shot may just have been
 * deleted by someone else).
 */
export function placeShots<Shot extends SequenceShot>(
  sequence: Sequence<Shot>,
  shotIds: readonly string[],
  placement: ShotPlacement,
): ShotOrderUpdate[] {
  const wanted = new Set(shotIds)
  const moving = sequence.entries.filter((e) => wanted.has(e.shot.id)).map((e) => e.shot)
  if (moving.length === 0) return []
  const movingIds = new Set(moving.map((s) => s.id))
  const { sceneId, siblings, index, group } = resolveShotPlacement(sequence, movingIds, placement)

  const after = [...siblings.slice(0, index), ...moving, ...siblings.slice(index)]
  const unchanged =
    after.length === group.length &&
    after.every((shot, i) => shot === group[i] && (shot.sceneId === sceneId || !movingIds.has(shot.id)))
  if (unchanged) return []

  const { keys, rekeyed } = keysAt(siblings, index, moving.length)
  return [
    ...moving.map((shot, i) => ({ id: shot.id, sceneId, order: keys[i]! })),
    ...rekeyed.map(({ item, order }) => ({ id: item.id, sceneId: item.sceneId, order })),
  ]
}

/**
 * The scene and order key for a new shot at `placement`, plus any neighbours whose tied keys
 * had to be spread.
 */
export function insertShot(
  sequence: Sequence,
  placement: ShotPlacement,
): { sceneId: string | null; order: IndexKey; rekeyed: ShotOrderUpdate[] } {
  const { sceneId, siblings, index } = resolveShotPlacement(sequence, new Set(), placement)
  const { keys, rekeyed } = keysAt(siblings, index, 1)
  return {
    sceneId,
    order: keys[0]!,
    rekeyed: rekeyed.map(({ item, order }) => ({ id: item.id, sceneId: item.sceneId, order })),
  }
}

/**
 * Where "new shot" puts a shot: right after the selected shot, else at the end of the last
 * scene, else after the unassigned shots.
 */
export function newShotPlacement(sequence: Sequence, selectedShotId: string | null): ShotPlacement {
  if (selectedShotId !== null && sequence.entries.some((e) => e.shot.id === selectedShotId)) {
    return { after: selectedShotId }
  }
  const lastScene = sequence.scenes.at(-1)
  return { sceneId: lastScene?.id ?? null, at: 'end' }
}

/**
 * Moves a scene among the board's scenes. Returns the scene records to update (the moved
 * scene, and rarely tied neighbours), or nothing when it is already there.
 */
export function placeScene(
  scenes: readonly SequenceScene[],
  sceneId: string,
  placement: ScenePlacement,
): SceneOrderUpdate[] {
  const sorted = [...scenes].sort(compareByOrderThenId)
  const moving = sorted.find((s) => s.id === sceneId)
  if (!moving) throw new SequenceError(`There is no scene ${sceneId} on this board`)
  const others = sorted.filter((s) => s !== moving)
  let index: number
  if ('at' in placement) {
    index = placement.at === 'start' ? 0 : others.length
  } else {
    const targetId = 'before' in placement ? placement.before : placement.after
    const targetPos = sorted.findIndex((s) => s.id === targetId)
    if (targetPos === -1) throw new SequenceError(`There is no scene ${targetId} on this board`)
    index = sorted.filter((s, i) => s !== moving && ('before' in placement ? i < targetPos : i <= targetPos)).length
  }
  const after = [...others.slice(0, index), moving, ...others.slice(index)]
  if (after.every((s, i) => s === sorted[i])) return []
  const { keys, rekeyed } = keysAt(others, index, 1)
  return [{ id: moving.id, order: keys[0]! }, ...rekeyed.map(({ item, order }) => ({ id: item.id, order }))]
}

/** The order key for a new scene after every existing one. */
export function newSceneOrder(scenes: readonly SequenceScene[]): IndexKey {
  const sorted = [...scenes].sort(compareByOrderThenId)
  return keysAt(sorted, sorted.length, 1).keys[0]!
}
