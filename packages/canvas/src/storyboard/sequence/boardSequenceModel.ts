import { computed, type Computed, type TLShape, type TLStore } from 'tldraw'
import {
  BOARD_SETTINGS_ID,
  createBoardSettings,
  type BoardSettingsRecord,
} from '@storyloom/shared/storyboard/boardSettingsRecord'
import { shotNumbers } from '@storyloom/shared/storyboard/numbering'
import { sequenceTiming, type SequenceTiming } from '@storyloom/shared/storyboard/runtime'
import type { SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import { buildSequence, type Sequence, type SequenceEntry, type SequenceShot } from '@storyloom/shared/storyboard/sequence'
import type { ShotShapeProps, TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/** What the sequence (and the strip) knows of a shot: its props, never its canvas position. */
export interface SequenceShotView {
  readonly id: TLShotShape['id']
  readonly sceneId: string | null
  readonly order: string
  readonly duration: number
  readonly props: ShotShapeProps
}

/** A board's sequence with everything the strip and the commands read from it. */
export interface BoardSequenceModel {
  readonly sequence: Sequence<SequenceShotView, SceneRecord>
  /** Shot number labels ("3.2" / "3B") by shot id. */
  readonly numbers: ReadonlyMap<string, string>
  readonly timing: SequenceTiming
  readonly settings: BoardSettingsRecord
}

/** The board's sequence model computed from scratch, from its scenes, shots and settings. */
export function buildBoardSequenceModel(
  scenes: readonly SceneRecord[],
  shots: readonly TLShotShape[],
  settings: BoardSettingsRecord = createBoardSettings(),
): BoardSequenceModel {
  const byId = new Map(shots.map((shot) => [shot.id, shot]))
  return withViews(orderOf(scenes, shots.map(keysOf), settings), (id) => viewOf(byId.get(id)!))
}

const cache = new WeakMap<TLStore, Computed<BoardSequenceModel>>()

/**
 * The board's sequence as one reactive value, shared by every reader of this store (pass the
 * editor, or anything holding the board's store).
 *
 * It is built in two layers, so an edit costs what it changes. The order (sorting, numbers,
 * timing) reads only each shot's scene, order key and duration: typing in a shot or dragging
 * it on the canvas never re-sorts. Each shot's view is memoised per shot and kept while its
 * props are the same object: a move rewrites the record, not the props. The model then puts
 * the views in that order, and an entry whose shot, scene and numbers are unchanged keeps its
 * identity, so one keystroke makes one new entry, not 250.
 */
export function boardSequenceModel({ store }: { readonly store: TLStore }): Computed<BoardSequenceModel> {
  let model = cache.get(store)
  if (model) return model
  const shotRecords = store.query.records('shape', () => ({ type: { eq: 'shot' as const } }))
  const scenes = store.query.records('scene')
  const keys = computed('sequence shot keys', () => (shotRecords.get() as TLShotShape[]).map(keysOf), { isEqual: sameKeys })
  const order = computed('sequence order', () => orderOf(scenes.get(), keys.get(), store.get(BOARD_SETTINGS_ID) ?? createBoardSettings()))
  const views = store.createComputedCache<SequenceShotView, TLShape>('sequence shot view', (shot) => viewOf(shot as TLShotShape), {
    areRecordsEqual: (a, b) => a.props === b.props,
  })
  let last: { order: SequenceOrder; model: BoardSequenceModel } | null = null
  model = computed('board sequence', () => {
    const current = order.get()
    const viewById = (id: TLShotShape['id']) => views.get(id)!
    const next =
      last === null ? withViews(current, viewById)
      : last.order === current ? withNewViews(last.model, viewById)
      : keepSameEntries(last.model, withViews(current, viewById))
    last = { order: current, model: next }
    return next
  })
  cache.set(store, model)
  return model
}

/** What ordering, numbers and timing read of a shot. */
type ShotKeys = SequenceShot & { readonly id: TLShotShape['id']; readonly duration: number }

/** The sequence with shots as keys only, and what follows from the order alone. */
interface SequenceOrder {
  readonly sequence: Sequence<ShotKeys, SceneRecord>
  readonly numbers: ReadonlyMap<string, string>
  readonly timing: SequenceTiming
  readonly settings: BoardSettingsRecord
}

function keysOf(shot: TLShotShape): ShotKeys {
  const { sceneId, order, duration } = shot.props
  return { id: shot.id, sceneId, order, duration }
}

function viewOf(shot: TLShotShape): SequenceShotView {
  const { sceneId, order, duration } = shot.props
  return { id: shot.id, sceneId, order, duration, props: shot.props }
}

function orderOf(scenes: readonly SceneRecord[], shots: readonly ShotKeys[], settings: BoardSettingsRecord): SequenceOrder {
  const sequence = buildSequence(scenes, shots)
  return { sequence, numbers: shotNumbers(sequence, settings.numbering), timing: sequenceTiming(sequence, settings.fps), settings }
}

/** The order with each shot's view in place of its keys. */
function withViews({ sequence, numbers, timing, settings }: SequenceOrder, viewById: (id: TLShotShape['id']) => SequenceShotView): BoardSequenceModel {
  const entries = sequence.entries.map((e): SequenceEntry<SequenceShotView, SceneRecord> => ({ ...e, shot: viewById(e.shot.id) }))
  return { sequence: { scenes: sequence.scenes, entries }, numbers, timing, settings }
}

/** The same order with each shot's current view: entries whose view is unchanged are kept. */
function withNewViews(previous: BoardSequenceModel, viewById: (id: TLShotShape['id']) => SequenceShotView): BoardSequenceModel {
  const entries = previous.sequence.entries.map((e) => {
    const shot = viewById(e.shot.id)
    return shot === e.shot ? e : { ...e, shot }
  })
  return { ...previous, sequence: { scenes: previous.sequence.scenes, entries } }
}

/** `next`, with each entry equal to the one `previous` had for its shot replaced by that one. */
function keepSameEntries(previous: BoardSequenceModel, next: BoardSequenceModel): BoardSequenceModel {
  const before = new Map(previous.sequence.entries.map((e) => [e.shot.id, e]))
  const entries = next.sequence.entries.map((e) => {
    const old = before.get(e.shot.id)
    const same = old && old.shot === e.shot && old.scene === e.scene && old.sceneNumber === e.sceneNumber && old.shotNumber === e.shotNumber && old.position === e.position
    return same ? old : e
  })
  return { ...next, sequence: { scenes: next.sequence.scenes, entries } }
}

function sameKeys(a: readonly ShotKeys[], b: readonly ShotKeys[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i]!
    return x.id === y.id && x.sceneId === y.sceneId && x.order === y.order && x.duration === y.duration
  })
}
