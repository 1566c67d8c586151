import { computed, type Computed, type TLStore } from 'tldraw'
import {
  BOARD_SETTINGS_ID,
  createBoardSettings,
  type BoardSettingsRecord,
} from '@storyloom/shared/storyboard/boardSettingsRecord'
import { shotNumbers } from '@storyloom/shared/storyboard/numbering'
import { sequenceTiming, type SequenceTiming } from '@storyloom/shared/storyboard/runtime'
import type { SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import { buildSequence, type Sequence } from '@storyloom/shared/storyboard/sequence'
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

const cache = new WeakMap<TLStore, Computed<BoardSequenceModel>>()

/**
 * The board's sequence as one reactive value, shared by every reader of this store (pass the
 * editor, or anything holding the board's store).
 *
 * Moving shots on the canvas rewrites their records but not their props; the sequence only
 * depends on the props, so dragging shots around (every frame) never rebuilds the sequence or
 * re-renders the strip.
 */
export function boardSequenceModel({ store }: { readonly store: TLStore }): Computed<BoardSequenceModel> {
  let model = cache.get(store)
  if (model) return model
  const shotRecords = store.query.records('shape', () => ({ type: { eq: 'shot' as const } }))
  const scenes = store.query.records('scene')
  const shotProps = computed(
    'sequence shot props',
    () => (shotRecords.get() as TLShotShape[]).map((shot) => ({ id: shot.id, props: shot.props })),
    { isEqual: (a: ShotPropsList, b: ShotPropsList) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.props === b[i]!.props) },
  )
  model = computed('board sequence', () => {
    const settings = store.get(BOARD_SETTINGS_ID) ?? createBoardSettings()
    const shots = shotProps.get().map(({ id, props }) => ({
      id,
      sceneId: props.sceneId,
      order: props.order,
      duration: props.duration,
      props,
    }))
    const sequence = buildSequence(scenes.get(), shots)
    return {
      sequence,
      numbers: shotNumbers(sequence, settings.numbering),
      timing: sequenceTiming(sequence, settings.fps),
      settings,
    }
  })
  cache.set(store, model)
  return model
}

type ShotPropsList = { id: TLShotShape['id']; props: ShotShapeProps }[]
