import type { TLAssetId, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { z } from 'zod'
import { AUDIO_MIME_TYPES, parseBoardAssetUrl } from '../api/assets'
import { FRAME_RATE_IDS, NUMBERING_STYLE_IDS } from './boardSettingsRecord'
import {
  MAX_ID_LENGTH,
  MAX_LENS_MM,
  MAX_PICTURE_ZOOM,
  MAX_PLAN_SCENES,
  MAX_PLAN_SHOTS,
  MAX_SHOT_DURATION_SECONDS,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_TRANSITION_SECONDS,
  MAX_URL_LENGTH,
} from './limits'
import { SCENE_COLOR_IDS, TIME_OF_DAY_IDS } from './sceneRecord'
import { MAX_SOUNDTRACK_NAME_LENGTH, MAX_SOUNDTRACK_SECONDS } from './soundtrack'
import type { SceneId } from './sceneRecord'
import { SHOT_PLAN_FORMAT, SHOT_PLAN_VERSION } from './shotPlan'
import { shotPlanTextProblem } from './shotPlanText'
import { ASSIGNEE_ID_PATTERN } from './shotShape'
import type { ShotPlan } from './shotPlan'
import { isBoardMediaUrl } from './validators'
import {
  ASPECT_RATIO_IDS,
  CAMERA_ANGLE_IDS,
  CAMERA_MOVEMENT_IDS,
  SHOT_SIZE_IDS,
  SHOT_STATUS_IDS,
  TRANSITION_IDS,
} from './vocabulary'

/**
 * Validation of shot plans coming in from outside (a file, a paste, an HTTP body). It accepts
 * exactly what the board's tldraw validators accept for each value, so any exported plan
 * imports, and refuses with messages that say where and what.
 */

/** Longest shot plan text accepted, in characters. */
export const MAX_SHOT_PLAN_TEXT_LENGTH = 32 * 1024 * 1024

function oneOf<const V extends readonly string[]>(values: V) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` })
}

function text(max: number) {
  return z
    .string({ error: 'must be text' })
    .max(max, { error: (issue) => `is too long (${String((issue.input as string).length)} characters; at most ${max})` })
}

function recordId<Id extends string>(prefix: string) {
  return z.custom<Id>((v) => typeof v === 'string' && v.startsWith(`${prefix}:`), {
    error: `must be an id starting with "${prefix}:"`,
  })
}

// The same check tldraw runs on index keys, so the two can never disagree.
const orderKey = z.custom<IndexKey>((v) => T.indexKey.isValid(v), {
  error: 'must be an order key (a fractional index such as "a1")',
})

const finite = z.number({ error: 'must be a finite number' })
const positive = finite.gt(0, { error: 'must be more than 0' })

const settingsSchema = z.strictObject({
  numbering: oneOf(NUMBERING_STYLE_IDS),
  fps: z.literal(FRAME_RATE_IDS, { error: `must be one of: ${FRAME_RATE_IDS.join(', ')} (frames per second)` }),
  defaultAspect: oneOf(ASPECT_RATIO_IDS),
})

const sceneSchema = z.strictObject({
  id: recordId<SceneId>('scene'),
  name: text(MAX_TITLE_LENGTH),
  order: orderKey,
  slugline: text(MAX_TITLE_LENGTH),
  location: text(MAX_TITLE_LENGTH),
  timeOfDay: oneOf(TIME_OF_DAY_IDS).nullable(),
  color: oneOf(SCENE_COLOR_IDS),
})

const mediaSchema = z.strictObject({
  assetId: recordId<TLAssetId>('asset'),
  src: text(MAX_URL_LENGTH).refine(isBoardMediaUrl, {
    error: 'must be an uploaded asset URL (/api/…) or an http(s) URL, not inline data',
  }),
  kind: oneOf(['image', 'video'] as const),
  model: text(MAX_ID_LENGTH).optional(),
})

const unit = finite.min(0, { error: 'must be from 0 to 1' }).max(1, { error: 'must be from 0 to 1' })

// How the picture is cropped into the frame (Reframe): the board refuses a zoom that shows an edge.
const pictureFramingSchema = z.strictObject({
  zoom: finite
    .min(1, { error: 'must be at least 1 (the picture just covering the frame)' })
    .max(MAX_PICTURE_ZOOM, { error: `must be at most ${MAX_PICTURE_ZOOM}` }),
  x: unit,
  y: unit,
})

// A shot's own sound: a file on the board, as the board's validator asks (soundtrack.ts).
const soundSchema = z.strictObject({
  src: text(MAX_URL_LENGTH).refine((src) => parseBoardAssetUrl(src) !== undefined, {
    error: 'must be an uploaded asset URL (/api/boards/<board>/assets/<sha256>)',
  }),
  mimeType: oneOf(AUDIO_MIME_TYPES),
  name: text(MAX_SOUNDTRACK_NAME_LENGTH),
  duration: finite
    .gt(0, { error: 'must be more than 0 seconds' })
    .max(MAX_SOUNDTRACK_SECONDS, { error: `must be at most ${MAX_SOUNDTRACK_SECONDS} seconds` }),
})

// Fields in the shot props' order: a plan read and written again is the same text.
const shotSchema = z.strictObject({
  id: recordId<TLShapeId>('shape'),
  x: finite,
  y: finite,
  w: positive,
  h: positive,
  aspect: oneOf(ASPECT_RATIO_IDS),
  title: text(MAX_TITLE_LENGTH),
  duration: finite
    .gt(0, { error: 'must be more than 0 seconds' })
    .max(MAX_SHOT_DURATION_SECONDS, { error: `must be at most ${MAX_SHOT_DURATION_SECONDS} seconds` }),
  camera: z.strictObject({
    shotSize: oneOf(SHOT_SIZE_IDS),
    angle: oneOf(CAMERA_ANGLE_IDS),
    lensMm: finite
      .gt(0, { error: 'must be more than 0 mm, or null' })
      .max(MAX_LENS_MM, { error: `must be at most ${MAX_LENS_MM} mm` })
      .nullable(),
    movement: oneOf(CAMERA_MOVEMENT_IDS),
  }),
  action: text(MAX_TEXT_LENGTH),
  dialogue: text(MAX_TEXT_LENGTH),
  status: oneOf(SHOT_STATUS_IDS),
  sceneId: recordId<SceneId>('scene').nullable(),
  order: orderKey,
  transitionIn: oneOf(TRANSITION_IDS),
  // Version 2: the shot's own transition length (null: the usual one).
  transitionInSeconds: finite
    .gt(0, { error: 'must be more than 0 seconds, or null' })
    .max(MAX_TRANSITION_SECONDS, { error: `must be at most ${MAX_TRANSITION_SECONDS} seconds, or null` })
    .nullable(),
  activeVersionId: text(MAX_ID_LENGTH).nullable(),
  media: mediaSchema.nullable(),
  // Version 3: how the picture is reframed (null: centred, just covering).
  pictureFraming: pictureFramingSchema.nullable(),
  // Version 4: the shot's own sound (null: none).
  sound: soundSchema.nullable(),
  // Version 5: who draws the shot (an account id; null: nobody).
  assigneeId: z.string().regex(ASSIGNEE_ID_PATTERN, { error: 'must be an account id (up to 64 letters, digits, _ or -), or null' }).nullable(),
  // Version 6: how loud its sound plays (0 silent to 1 as recorded).
  soundVolume: unit,
})

/** A version 5 shot: before Volume. */
const shotSchemaV5 = shotSchema.omit({ soundVolume: true })
/** A version 4 shot: before Assigned to too. */
const shotSchemaV4 = shotSchemaV5.omit({ assigneeId: true })
/** A version 3 shot: before shot sounds too. */
const shotSchemaV3 = shotSchemaV4.omit({ sound: true })
/** A version 2 shot: before Reframe too. */
const shotSchemaV2 = shotSchemaV3.omit({ pictureFraming: true })
/** A version 1 shot: before transition lengths too. */
const shotSchemaV1 = shotSchemaV2.omit({ transitionInSeconds: true })

/** A plan of one version whose shots read as `shot` says; its fields in the order a plan is written. */
function planSchema<const V extends number, S extends z.ZodType>(version: V, shot: S) {
  return z.strictObject({
    format: z.literal(SHOT_PLAN_FORMAT),
    version: z.literal(version),
    settings: settingsSchema,
    scenes: z.array(sceneSchema).max(MAX_PLAN_SCENES, { error: `has more than ${MAX_PLAN_SCENES} scenes` }),
    shots: z.array(shot).max(MAX_PLAN_SHOTS, { error: `has more than ${MAX_PLAN_SHOTS} shots` }),
  })
}
const planV1 = planSchema(1, shotSchemaV1)
const planV2 = planSchema(2, shotSchemaV2)
const planV3 = planSchema(3, shotSchemaV3)
const planV4 = planSchema(4, shotSchemaV4)
const planV5 = planSchema(5, shotSchemaV5)
const planV6 = planSchema(SHOT_PLAN_VERSION, shotSchema)

/**
 * A plan of any version this code reads, brought to the current one: what an older plan's shots
 * lacked is null (the usual transition length; the picture centred and covering; no sound of its
 * own; nobody assigned), or 1 for its sound's level (full, as every sound played before Volume).
 */
function currentPlan(
  plan:
    | z.output<typeof planV1>
    | z.output<typeof planV2>
    | z.output<typeof planV3>
    | z.output<typeof planV4>
    | z.output<typeof planV5>
    | z.output<typeof planV6>,
): ShotPlan {
  if (plan.version === SHOT_PLAN_VERSION) return plan
  const shots = plan.shots.map((shot): ShotPlan['shots'][number] => {
    const { activeVersionId, media, transitionInSeconds = null, pictureFraming = null, sound = null, assigneeId = null, ...rest } = shot as typeof shot &
      Partial<Pick<ShotPlan['shots'][number], 'transitionInSeconds' | 'pictureFraming' | 'sound' | 'assigneeId'>>
    // Fields in the current order, so an older plan written out again reads as a new one.
    return { ...rest, transitionInSeconds, activeVersionId, media, pictureFraming, sound, assigneeId, soundVolume: 1 }
  })
  return { ...plan, version: SHOT_PLAN_VERSION, shots }
}

/** The zod schema of a shot plan (versions 1 to 6; its output is always the current version), including checks across its parts. */
export const shotPlanSchema = z
  .discriminatedUnion('version', [planV1, planV2, planV3, planV4, planV5, planV6])
  .superRefine((plan, ctx) => {
    const sceneIds = new Set<string>()
    plan.scenes.forEach((scene, i) => {
      if (sceneIds.has(scene.id)) ctx.addIssue({ code: 'custom', path: ['scenes', i, 'id'], message: `repeats scene id ${scene.id}` })
      sceneIds.add(scene.id)
    })
    const shotIds = new Set<string>()
    plan.shots.forEach((shot, i) => {
      if (shotIds.has(shot.id)) ctx.addIssue({ code: 'custom', path: ['shots', i, 'id'], message: `repeats shot id ${shot.id}` })
      shotIds.add(shot.id)
      if (shot.sceneId !== null && !sceneIds.has(shot.sceneId)) {
        ctx.addIssue({ code: 'custom', path: ['shots', i, 'sceneId'], message: `names scene ${shot.sceneId}, which is not in this plan` })
      }
    })
  })
  .transform(currentPlan)

// The schema's output must be exactly the plan type the rest of the code uses.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesPlanType: Equal<z.output<typeof shotPlanSchema>, ShotPlan> = true
void schemaMatchesPlanType

/** The outcome of reading a shot plan: the plan, or what is wrong with it. */
export type ShotPlanParseResult = { ok: true; plan: ShotPlan } | { ok: false; errors: string[] }

/** At most this many problems are listed; the rest are summarised in one line. */
const MAX_LISTED_ERRORS = 20

function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  return out
}

/**
 * Reads a shot plan from JSON text or an already-parsed value. Refuses what is not a
 * Storyloom shot plan, plans from a newer version, and any value the board would refuse,
 * with one readable line per problem (`shots[2].duration: must be more than 0 seconds`).
 */
export function parseShotPlan(input: unknown): ShotPlanParseResult {
  let value = input
  if (typeof input === 'string') {
    if (input.length > MAX_SHOT_PLAN_TEXT_LENGTH) {
      return { ok: false, errors: [`The shot plan is too large (at most ${MAX_SHOT_PLAN_TEXT_LENGTH / 1024 / 1024} MB of text)`] }
    }
    const problem = shotPlanTextProblem(input)
    if (problem) return { ok: false, errors: [problem] }
    try {
      // A byte order mark is no part of the JSON (a decoder that kept it, an editor that wrote it twice).
      value = JSON.parse(input.replace(/^\uFEFF/u, ''))
    } catch (error) {
      return { ok: false, errors: [`The shot plan is not valid JSON: ${(error as Error).message}`] }
    }
  }
  const head = value as { format?: unknown; version?: unknown } | null
  if (typeof head !== 'object' || head === null || Array.isArray(head) || head.format !== SHOT_PLAN_FORMAT) {
    return { ok: false, errors: [`This is not a Storyloom shot plan (expected "format": "${SHOT_PLAN_FORMAT}")`] }
  }
  if (typeof head.version === 'number' && head.version > SHOT_PLAN_VERSION) {
    return {
      ok: false,
      errors: [`This shot plan is version ${head.version}, made by a newer Storyloom; this one reads up to version ${SHOT_PLAN_VERSION}`],
    }
  }
  const result = shotPlanSchema.safeParse(value)
  if (result.success) return { ok: true, plan: result.data }
  const errors = result.error.issues.map((issue) => {
    const where = formatPath(issue.path)
    return where ? `${where}: ${issue.message}` : issue.message
  })
  if (errors.length > MAX_LISTED_ERRORS) {
    const more = errors.length - MAX_LISTED_ERRORS
    return { ok: false, errors: [...errors.slice(0, MAX_LISTED_ERRORS), `…and ${more} more problem${more === 1 ? '' : 's'}`] }
  }
  return { ok: false, errors }
}
