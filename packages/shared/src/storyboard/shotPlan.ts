import type { TLParentId, TLShapeId } from '@tldraw/tlschema'
import { getIndicesAbove } from '@tldraw/utils'
import type { IndexKey } from '@tldraw/utils'
import { createBoardSettings, findBoardSettings } from './boardSettingsRecord'
import type { BoardSettingsRecord } from './boardSettingsRecord'
import type { SceneId, SceneRecord } from './sceneRecord'
import { buildSequence, compareOrderKeys } from './sequence'
import type { ShotShapeProps, TLShotShape } from './shotShape'

/**
 * The shot plan: a board's storyboard (settings, scenes, shots) as a versioned JSON document
 * that can leave the app and come back. Ids are the records' own, so importing a plan into the
 * board it came from updates those same scenes and shots.
 *
 * Each version is frozen: a change to this shape is a new version, and the importer keeps
 * reading the old ones. Version 2 added each shot's `transitionInSeconds` (version 1 plans read
 * with null: the usual length); version 3 its `pictureFraming` (Reframe: the crop is part of the
 * picture the plan carries; older plans read with null, centred and covering); version 4 its
 * `sound` (the shot's own audio file on the board; older plans read with none); version 5 its
 * `assigneeId` (the account id of who draws it; older plans read with null, nobody); version 6
 * its `soundVolume` (how loud its sound plays, 0 to 1; older plans read with 1, full level).
 */

/** The `format` of every shot plan. */
export const SHOT_PLAN_FORMAT = 'storyloom.shot-plan'
/** The plan version this code writes. */
export const SHOT_PLAN_VERSION = 6

/** The board settings a plan carries. */
export type ShotPlanSettings = Pick<BoardSettingsRecord, 'numbering' | 'fps' | 'defaultAspect'>

/** A scene in a plan: the scene record without its type name and meta. */
export type ShotPlanScene = Omit<SceneRecord, 'typeName' | 'meta'>

/** A shot in a plan: its id, canvas position and every shot prop, flat. */
export interface ShotPlanShot extends ShotShapeProps {
  id: TLShapeId
  x: number
  y: number
}

/** A shot plan, as this code writes it (version 6). Scenes and shots are listed in reading order. */
export interface ShotPlan {
  format: typeof SHOT_PLAN_FORMAT
  version: typeof SHOT_PLAN_VERSION
  settings: ShotPlanSettings
  scenes: ShotPlanScene[]
  shots: ShotPlanShot[]
}

type AnyRecord = { readonly id: string; readonly typeName: string }

function isScene(record: AnyRecord): record is SceneRecord {
  return record.typeName === 'scene'
}

function isShot(record: AnyRecord): record is TLShotShape {
  return record.typeName === 'shape' && (record as { type?: unknown }).type === 'shot'
}

/** A deep copy of shot props, with no `undefined` left in (JSON would drop it). */
function copyShotProps(props: ShotShapeProps, sceneId: SceneId | null): ShotShapeProps {
  const { media, pictureFraming, sound } = props
  return {
    ...props,
    sceneId,
    camera: { ...props.camera },
    pictureFraming: pictureFraming === null ? null : { ...pictureFraming },
    sound: sound === null ? null : { ...sound },
    media:
      media === null
        ? null
        : {
            assetId: media.assetId,
            src: media.src,
            kind: media.kind,
            ...(media.model === undefined ? {} : { model: media.model }),
          },
  }
}

/**
 * The shot plan of a board, from its records (any records; the storyboard ones are picked
 * out). A shot whose scene no longer exists is written as unassigned (`sceneId: null`), which
 * is how the board already reads it.
 */
export function exportShotPlan(records: Iterable<AnyRecord>): ShotPlan {
  const all = [...records]
  const scenes = all.filter(isScene)
  const shots = all.filter(isShot)
  const { numbering, fps, defaultAspect } = findBoardSettings(all)
  const sequence = buildSequence(
    scenes,
    shots.map((shape) => ({ id: shape.id, sceneId: shape.props.sceneId, order: shape.props.order, shape })),
  )
  return {
    format: SHOT_PLAN_FORMAT,
    version: SHOT_PLAN_VERSION,
    settings: { numbering, fps, defaultAspect },
    scenes: sequence.scenes.map(({ id, name, order, slugline, location, timeOfDay, color }) => ({
      id,
      name,
      order,
      slugline,
      location,
      timeOfDay,
      color,
    })),
    shots: sequence.entries.map(({ shot: { shape }, scene }) => ({
      id: shape.id,
      x: shape.x,
      y: shape.y,
      ...copyShotProps(shape.props, scene?.id ?? null),
    })),
  }
}

/** A plan as the JSON text a user downloads. */
export function serializeShotPlan(plan: ShotPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`
}

/** How imported shots sit on the canvas. */
export interface ShotPlanImportOptions {
  /** The page (or frame) new shots go on. */
  readonly parentId: TLParentId
  /** New shots are stacked above this z-index key, in reading order. Default: from the bottom. */
  readonly indexAbove?: IndexKey | null
  /**
   * The board's current shape for an id, if any. A shot that already exists keeps its canvas
   * fields (parent, z-index, rotation, lock, opacity, meta); the plan sets the rest.
   */
  readonly existing?: (id: TLShapeId) => TLShotShape | undefined
  /** The board's current scene for an id, if any: it keeps its meta (the plan sets the rest). */
  readonly existingScene?: (id: SceneId) => SceneRecord | undefined
  /**
   * Whether a shot may stay assigned to the account `id`: a member of the board the plan goes
   * into. A shot assigned to anyone else comes in assigned to nobody. Default: everyone may.
   */
  readonly assignable?: (id: string) => boolean
}

/** The records an imported plan becomes: to be put into the board in one batch. */
export interface ShotPlanRecords {
  readonly settings: BoardSettingsRecord
  readonly scenes: SceneRecord[]
  readonly shots: TLShotShape[]
}

/** The board records of a (validated) shot plan. */
export function shotPlanToRecords(plan: ShotPlan, options: ShotPlanImportOptions): ShotPlanRecords {
  const fresh = plan.shots.filter((shot) => !options.existing?.(shot.id))
  const indices = getIndicesAbove(options.indexAbove ?? null, fresh.length)
  const freshIndex = new Map(fresh.map((shot, i) => [shot.id, indices[i]!]))
  return {
    settings: createBoardSettings({ ...plan.settings }),
    scenes: plan.scenes.map((scene) => ({ ...scene, typeName: 'scene', meta: options.existingScene?.(scene.id)?.meta ?? {} })),
    shots: plan.shots.map(({ id, x, y, ...planned }) => {
      const existing = options.existing?.(id)
      const { assigneeId } = planned
      const props = assigneeId !== null && options.assignable && !options.assignable(assigneeId) ? { ...planned, assigneeId: null } : planned
      return {
        id,
        typeName: 'shape',
        type: 'shot',
        x,
        y,
        rotation: existing?.rotation ?? 0,
        index: existing?.index ?? freshIndex.get(id)!,
        parentId: existing?.parentId ?? options.parentId,
        isLocked: existing?.isLocked ?? false,
        opacity: existing?.opacity ?? 1,
        props: copyShotProps(props, props.sceneId),
        meta: existing?.meta ?? {},
      }
    }),
  }
}

/** The last of `keys` in order, or null for none. */
function lastKey(keys: Iterable<string>): IndexKey | null {
  let last: string | null = null
  for (const key of keys) if (last === null || compareOrderKeys(key, last) > 0) last = key
  return last as IndexKey | null
}

/**
 * Fresh order keys for `items` (in the plan's reading order) after `after`, when any of them
 * would otherwise sort in among what is already there; unchanged when they already come after.
 */
function orderAfter<T extends { id: string; order: string }>(items: readonly T[], after: IndexKey | null): Map<string, IndexKey> {
  if (after === null || items.every((item) => compareOrderKeys(item.order, after) > 0)) return new Map()
  const keys = getIndicesAbove(after, items.length)
  return new Map(items.map((item, i) => [item.id, keys[i]!]))
}

/**
 * The plan with the scenes and unassigned shots that are new to the board ordered after the
 * board's own, keeping their order among themselves. A plan's order keys come from the board it
 * was exported from, so put into another board they would interleave with its scenes (a plan's
 * shot 1 numbered between the board's 1 and 2). What the board already has (same ids) keeps the
 * plan's order, as do new shots in scenes the board has: that is an update of the board's plan.
 */
export function planOrderedAfterBoard(plan: ShotPlan, records: Iterable<AnyRecord>): ShotPlan {
  const all = [...records]
  const boardScenes = all.filter(isScene)
  const boardSceneIds = new Set<string>(boardScenes.map((scene) => scene.id))
  const boardShots = all.filter(isShot)
  const boardShotIds = new Set<string>(boardShots.map((shot) => shot.id))
  const sceneKeys = orderAfter(
    plan.scenes.filter((scene) => !boardSceneIds.has(scene.id)),
    lastKey(boardScenes.map((scene) => scene.order)),
  )
  // A checked plan's shots are in its own scenes or unassigned; on the board, a shot whose scene
  // is gone reads as unassigned too (see buildSequence).
  const shotKeys = orderAfter(
    plan.shots.filter((shot) => !boardShotIds.has(shot.id) && shot.sceneId === null),
    lastKey(boardShots.filter(({ props: { sceneId } }) => sceneId === null || !boardSceneIds.has(sceneId)).map((shot) => shot.props.order)),
  )
  if (sceneKeys.size === 0 && shotKeys.size === 0) return plan
  return {
    ...plan,
    scenes: plan.scenes.map((scene) => ({ ...scene, order: sceneKeys.get(scene.id) ?? scene.order })),
    shots: plan.shots.map((shot) => ({ ...shot, order: shotKeys.get(shot.id) ?? shot.order })),
  }
}
