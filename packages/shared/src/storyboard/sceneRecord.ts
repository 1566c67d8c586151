import type { BaseRecord, RecordId } from '@tldraw/store'
import {
  createCustomRecordId,
  createCustomRecordMigrationIds,
  createCustomRecordMigrationSequence,
  idValidator,
  isCustomRecordId,
} from '@tldraw/tlschema'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import type { IndexKey, JsonObject } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { MAX_TITLE_LENGTH } from './limits'
import { boundedString } from './validators'
import { idsOf } from './vocabulary'

/** Time of day as written in a scene heading. */
export const TIMES_OF_DAY = [
  { id: 'day', label: 'DAY' },
  { id: 'night', label: 'NIGHT' },
  { id: 'dawn', label: 'DAWN' },
  { id: 'dusk', label: 'DUSK' },
  { id: 'morning', label: 'MORNING' },
  { id: 'evening', label: 'EVENING' },
  { id: 'continuous', label: 'CONTINUOUS' },
  { id: 'later', label: 'LATER' },
] as const
/** A time of day id. */
export type TimeOfDay = (typeof TIMES_OF_DAY)[number]['id']
/** Every time of day id. */
export const TIME_OF_DAY_IDS = idsOf(TIMES_OF_DAY)

/**
 * Scene colours, named like tldraw's default colours so the canvas can draw them with the
 * current theme's palette.
 */
export const SCENE_COLORS = [
  { id: 'grey', label: 'Grey' },
  { id: 'light-violet', label: 'Light violet' },
  { id: 'violet', label: 'Violet' },
  { id: 'blue', label: 'Blue' },
  { id: 'light-blue', label: 'Light blue' },
  { id: 'yellow', label: 'Yellow' },
  { id: 'orange', label: 'Orange' },
  { id: 'green', label: 'Green' },
  { id: 'light-green', label: 'Light green' },
  { id: 'light-red', label: 'Light red' },
  { id: 'red', label: 'Red' },
] as const
/** A scene colour id. */
export type SceneColor = (typeof SCENE_COLORS)[number]['id']
/** Every scene colour id. */
export const SCENE_COLOR_IDS = idsOf(SCENE_COLORS)

/**
 * A scene: a group of shots read together, numbered by its place in the board's scene order.
 * Shots point at their scene through `props.sceneId`.
 */
export interface SceneRecord extends BaseRecord<'scene', SceneId> {
  /** What the team calls the scene ("The chase"). May be empty while being typed. */
  name: string
  /** Fractional index key: scenes are read in (order, id) order. */
  order: IndexKey
  /** Free-form scene heading ("INT. KITCHEN – NIGHT"); empty when not set. */
  slugline: string
  /** Where the scene takes place; empty when not set. */
  location: string
  /** When the scene takes place, or null when not set. */
  timeOfDay: TimeOfDay | null
  /** Colour used for the scene in the sequence strip and on its shots. */
  color: SceneColor
  meta: JsonObject
}

/** Id of a {@link SceneRecord}: `scene:…`. */
export type SceneId = RecordId<SceneRecord>

/** The record type name scenes are stored under. */
export const SCENE_TYPE_NAME = 'scene'

declare module '@tldraw/tlschema' {
  interface TLGlobalRecordPropsMap {
    scene: SceneRecord
  }
}

/** Validates `scene:…` ids. */
export const sceneIdValidator: T.Validator<SceneId> = idValidator<SceneId>('scene')

/** Validator for a whole scene record, as the server runs it on every change. */
export const sceneValidator: T.Validator<SceneRecord> = T.model(
  'scene',
  T.object<SceneRecord>({
    id: sceneIdValidator,
    typeName: T.literal('scene'),
    name: boundedString(MAX_TITLE_LENGTH),
    order: T.indexKey,
    slugline: boundedString(MAX_TITLE_LENGTH),
    location: boundedString(MAX_TITLE_LENGTH),
    timeOfDay: T.literalEnum(...TIME_OF_DAY_IDS).nullable(),
    color: T.literalEnum(...SCENE_COLOR_IDS),
    meta: T.jsonValue as T.ObjectValidator<JsonObject>,
  }),
)

/** Migration ids for scene records. Append new versions at the end; never renumber. */
export const sceneVersions = createCustomRecordMigrationIds('scene', {})

/** Append-only migrations for scene records (sequence id `com.tldraw.scene`, as tldraw requires). */
export const sceneMigrations = createCustomRecordMigrationSequence({ sequence: [] })

/** The scene fields a new scene gets unless told otherwise. */
export function defaultSceneProperties(): Omit<SceneRecord, 'id' | 'typeName' | 'order'> {
  return { name: '', slugline: '', location: '', timeOfDay: null, color: 'grey', meta: {} }
}

/** Registration of the scene record type for `createTLSchema({ records })`. */
export const sceneRecordInfo: CustomRecordInfo = {
  scope: 'document',
  validator: sceneValidator,
  migrations: sceneMigrations,
  createDefaultProperties: defaultSceneProperties,
}

/** A new scene id; pass `id` to make a stable one (tests, imports). */
export function createSceneId(id?: string): SceneId {
  return createCustomRecordId('scene', id) as SceneId
}

/** Whether `id` is a scene id. */
export function isSceneId(id: string | null | undefined): id is SceneId {
  return isCustomRecordId('scene', id ?? undefined)
}

/** A complete scene record from its order key and any fields to set. */
export function createScene(
  fields: Pick<SceneRecord, 'order'> & Partial<Omit<SceneRecord, 'typeName'>>,
): SceneRecord {
  return { ...defaultSceneProperties(), id: createSceneId(), typeName: 'scene', ...fields }
}

/**
 * The heading a scene shows: its slugline when it has one, else what its location and time
 * of day say ("KITCHEN – NIGHT"), else its name.
 */
export function sceneHeading(scene: Pick<SceneRecord, 'name' | 'slugline' | 'location' | 'timeOfDay'>): string {
  if (scene.slugline.trim()) return scene.slugline.trim()
  const parts = [scene.location.trim().toUpperCase()]
  if (scene.timeOfDay) parts.push(TIMES_OF_DAY.find((t) => t.id === scene.timeOfDay)?.label ?? '')
  const composed = parts.filter(Boolean).join(' – ')
  return composed || scene.name
}
