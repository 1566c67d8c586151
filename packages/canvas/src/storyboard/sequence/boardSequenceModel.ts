import { RESET_VALUE, computed, isUninitialized, type Computed, type TLRecord, type TLStore } from 'tldraw'
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
  /**
   * The same sequence with each shot as its keys only (id, scene, order key, duration): the
   * same object for as long as the order is (typing in a shot or moving it keeps it), so what
   * follows from the order alone, the strip's layout, can be memoised on it.
   */
  readonly order: Sequence<ShotKeys, SceneRecord>
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
 * It follows the store's history, so an edit costs what it changes, not the board's size. The
 * order (sorting, numbers, timing) is rebuilt only when a scene, the settings, the set of shots
 * or a shot's scene, order key or duration changes: typing in a shot or dragging it on the
 * canvas never re-sorts. Otherwise only the shots whose props changed get a new entry; every
 * other entry keeps its identity (a move rewrites the record, not its props), so one keystroke
 * makes one new entry, not 250.
 */
export function boardSequenceModel({ store }: { readonly store: TLStore }): Computed<BoardSequenceModel> {
  let model = cache.get(store)
  if (model) return model
  const shotIds = store.query.ids('shape', () => ({ type: { eq: 'shot' as const } }))
  const scenes = store.query.records('scene')
  const shapes = store.query.filterHistory('shape')
  const allShots = () => [...shotIds.get()].map((id) => store.unsafeGetWithoutCapture(id) as TLShotShape)
  let orderInputs: { scenes: readonly SceneRecord[]; settings: BoardSettingsRecord | undefined } | null = null
  const order = computed<SequenceOrder>('sequence order', (previous, since) => {
    const inputs = { scenes: scenes.get(), settings: store.get(BOARD_SETTINGS_ID) }
    shotIds.get()
    shapes.get()
    const same = !isUninitialized(previous) && orderInputs?.scenes === inputs.scenes && orderInputs.settings === inputs.settings
    orderInputs = inputs
    if (same && !shotKeysChangedSince(since)) return previous
    return orderOf(inputs.scenes, allShots().map(keysOf), inputs.settings ?? createBoardSettings())
  })
  /** Whether some shot's scene, order key or duration changed (or a shot came or went) since `epoch`. */
  const shotKeysChangedSince = (epoch: number) => {
    const diffs = shapes.getDiffSince(epoch)
    if (diffs === RESET_VALUE) return true
    return diffs.some((diff) =>
      [...Object.values(diff.added), ...Object.values(diff.removed)].some(isShot) ||
      Object.values(diff.updated).some(([from, to]) => isShot(to) && isShot(from) && !sameShotKeys(keysOf(from), keysOf(to))),
    )
  }
  let built: SequenceOrder | null = null
  model = computed<BoardSequenceModel>('board sequence', (previous, since) => {
    const current = order.get()
    shapes.get()
    const diffs = built === current ? shapes.getDiffSince(since) : RESET_VALUE
    built = current
    if (isUninitialized(previous) || diffs === RESET_VALUE) {
      const byId = new Map(allShots().map((shot) => [shot.id, shot]))
      const next = withViews(current, (id) => viewOf(byId.get(id)!))
      return isUninitialized(previous) ? next : keepSameEntries(previous, next)
    }
    return withChangedProps(previous, current, diffs.flatMap((diff) => Object.keys(diff.updated)) as TLShotShape['id'][], (id) => store.unsafeGetWithoutCapture(id))
  })
  cache.set(store, model)
  return model
}

function isShot(record: TLRecord): record is TLShotShape {
  return record.typeName === 'shape' && record.type === 'shot'
}

/** What ordering, numbers and timing read of a shot. */
export type ShotKeys = SequenceShot & { readonly id: TLShotShape['id']; readonly duration: number }

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
  return { sequence: { scenes: sequence.scenes, entries }, numbers, timing, settings, order: sequence }
}

const positions = new WeakMap<SequenceOrder, Map<string, number>>()

/**
 * `previous` with a new entry for each shot among `ids` whose props are no longer the ones it
 * shows; the same model when there is none.
 */
function withChangedProps(
  previous: BoardSequenceModel,
  order: SequenceOrder,
  ids: readonly TLShotShape['id'][],
  recordOf: (id: TLShotShape['id']) => TLRecord | undefined,
): BoardSequenceModel {
  let position = positions.get(order)
  if (!position) positions.set(order, (position = new Map(order.sequence.entries.map((e, i) => [e.shot.id, i]))))
  let entries: SequenceEntry<SequenceShotView, SceneRecord>[] | null = null
  for (const id of ids) {
    const i = position.get(id)
    const record = recordOf(id)
    if (i === undefined || !record || !isShot(record)) continue
    const entry = (entries ?? previous.sequence.entries)[i]!
    if (entry.shot.props === record.props) continue
    entries ??= [...previous.sequence.entries]
    entries[i] = { ...entry, shot: viewOf(record) }
  }
  return entries ? { ...previous, sequence: { scenes: previous.sequence.scenes, entries } } : previous
}

/** `next`, with each entry equal to the one `previous` had for its shot replaced by that one. */
function keepSameEntries(previous: BoardSequenceModel, next: BoardSequenceModel): BoardSequenceModel {
  const before = new Map(previous.sequence.entries.map((e) => [e.shot.id, e]))
  const entries = next.sequence.entries.map((e) => {
    const old = before.get(e.shot.id)
    const same = old && old.shot.props === e.shot.props && old.scene === e.scene && old.sceneNumber === e.sceneNumber && old.shotNumber === e.shotNumber && old.position === e.position
    return same ? old : e
  })
  return { ...next, sequence: { scenes: next.sequence.scenes, entries } }
}

function sameShotKeys(x: ShotKeys, y: ShotKeys): boolean {
  return x.id === y.id && x.sceneId === y.sceneId && x.order === y.order && x.duration === y.duration
}
