/**
 * The words storyboard people use, as stored ids with the labels the UI shows.
 *
 * Each list is `as const`, so its ids are a union type and the same list feeds the tldraw
 * validators, the shot plan's zod schema, the inspector's menus and the CSV export. Ids are
 * persisted in boards: never rename or remove one (add a migration instead); labels may change.
 */

/** One word of a vocabulary: the id stored in the board and the label shown to people. */
export interface VocabularyEntry<Id extends string | number = string> {
  readonly id: Id
  readonly label: string
}

/** The ids of a vocabulary, in list order, typed as that vocabulary's id union. */
export function idsOf<const L extends readonly VocabularyEntry<string | number>[]>(
  list: L,
): ReadonlyArray<L[number]['id']> {
  return list.map((entry) => entry.id)
}

/**
 * The entry for `id` in `list`. Throws for an id that is not in the list: stored values are
 * validated, so a miss here is a programming error, not bad user input.
 */
export function entryOf<const L extends readonly VocabularyEntry<string | number>[]>(
  list: L,
  id: L[number]['id'],
): L[number] {
  const entry = list.find((e) => e.id === id)
  if (!entry) throw new Error(`"${String(id)}" is not in this vocabulary`)
  return entry
}

/** Frame aspect ratios, with the numeric width / height ratio. */
export const ASPECT_RATIOS = [
  { id: '16:9', label: '16:9 (HD)', ratio: 16 / 9 },
  { id: '2.39:1', label: '2.39:1 (Scope)', ratio: 2.39 },
  { id: '1.85:1', label: '1.85:1 (Flat)', ratio: 1.85 },
  { id: '4:3', label: '4:3 (Academy)', ratio: 4 / 3 },
  { id: '1:1', label: '1:1 (Square)', ratio: 1 },
  { id: '9:16', label: '9:16 (Vertical)', ratio: 9 / 16 },
] as const
/** A frame aspect ratio id such as `'2.39:1'`. */
export type AspectRatio = (typeof ASPECT_RATIOS)[number]['id']
/** Every aspect ratio id. */
export const ASPECT_RATIO_IDS = idsOf(ASPECT_RATIOS)

/** Width divided by height for an aspect ratio. */
export function aspectRatioValue(aspect: AspectRatio): number {
  return entryOf(ASPECT_RATIOS, aspect).ratio
}

/** Shot sizes, widest to tightest, then the framings that are not about size. */
export const SHOT_SIZES = [
  { id: 'ews', abbr: 'EWS', label: 'Extreme wide shot' },
  { id: 'ws', abbr: 'WS', label: 'Wide shot' },
  { id: 'mws', abbr: 'MWS', label: 'Medium wide shot (MLS)' },
  { id: 'ms', abbr: 'MS', label: 'Medium shot' },
  { id: 'mcu', abbr: 'MCU', label: 'Medium close-up' },
  { id: 'cu', abbr: 'CU', label: 'Close-up' },
  { id: 'ecu', abbr: 'ECU', label: 'Extreme close-up' },
  { id: 'two-shot', abbr: '2S', label: 'Two-shot' },
  { id: 'ots', abbr: 'OTS', label: 'Over the shoulder' },
  { id: 'pov', abbr: 'POV', label: 'Point of view' },
  { id: 'insert', abbr: 'INSERT', label: 'Insert' },
] as const
/** A shot size id such as `'mcu'`. */
export type ShotSize = (typeof SHOT_SIZES)[number]['id']
/** Every shot size id. */
export const SHOT_SIZE_IDS = idsOf(SHOT_SIZES)

/** Camera angles. */
export const CAMERA_ANGLES = [
  { id: 'eye-level', label: 'Eye level' },
  { id: 'high', label: 'High angle' },
  { id: 'low', label: 'Low angle' },
  { id: 'overhead', label: "Overhead (bird's-eye)" },
  { id: 'worms-eye', label: "Worm's-eye" },
  { id: 'dutch', label: 'Dutch (canted)' },
] as const
/** A camera angle id such as `'low'`. */
export type CameraAngle = (typeof CAMERA_ANGLES)[number]['id']
/** Every camera angle id. */
export const CAMERA_ANGLE_IDS = idsOf(CAMERA_ANGLES)

/** Camera movements, as written on a shot and drawn as motion annotations. */
export const CAMERA_MOVEMENTS = [
  { id: 'static', label: 'Static' },
  { id: 'pan', label: 'Pan' },
  { id: 'tilt', label: 'Tilt' },
  { id: 'dolly-in', label: 'Dolly in' },
  { id: 'dolly-out', label: 'Dolly out' },
  { id: 'truck-left', label: 'Truck left' },
  { id: 'truck-right', label: 'Truck right' },
  { id: 'pedestal-up', label: 'Pedestal up' },
  { id: 'pedestal-down', label: 'Pedestal down' },
  { id: 'crane-up', label: 'Crane up' },
  { id: 'crane-down', label: 'Crane down' },
  { id: 'zoom-in', label: 'Zoom in' },
  { id: 'zoom-out', label: 'Zoom out' },
  { id: 'orbit', label: 'Orbit / arc' },
  { id: 'roll', label: 'Roll' },
  { id: 'handheld', label: 'Handheld' },
  { id: 'steadicam', label: 'Steadicam / gimbal' },
  { id: 'whip-pan', label: 'Whip pan' },
  { id: 'rack-focus', label: 'Rack focus' },
] as const
/** A camera movement id such as `'dolly-in'`. */
export type CameraMovement = (typeof CAMERA_MOVEMENTS)[number]['id']
/** Every camera movement id. */
export const CAMERA_MOVEMENT_IDS = idsOf(CAMERA_MOVEMENTS)

/** Transitions into a shot from the one before it. */
export const TRANSITIONS = [
  { id: 'cut', label: 'Cut' },
  { id: 'dissolve', label: 'Dissolve' },
  { id: 'fade', label: 'Fade' },
  { id: 'wipe', label: 'Wipe' },
  { id: 'match-cut', label: 'Match cut' },
  { id: 'smash-cut', label: 'Smash cut' },
] as const
/** A transition id such as `'dissolve'`. */
export type Transition = (typeof TRANSITIONS)[number]['id']
/** Every transition id. */
export const TRANSITION_IDS = idsOf(TRANSITIONS)

/** Where a shot is in the approval flow. */
export const SHOT_STATUSES = [
  { id: 'draft', label: 'Draft' },
  { id: 'in-review', label: 'In review' },
  // Appended (shot props migration AddChangesRequestedStatus): a reviewer asked for changes.
  { id: 'changes-requested', label: 'Changes requested' },
  { id: 'approved', label: 'Approved' },
] as const
/** A shot status id. */
export type ShotStatus = (typeof SHOT_STATUSES)[number]['id']
/** Every shot status id. */
export const SHOT_STATUS_IDS = idsOf(SHOT_STATUSES)

/** What a reference pinned to a shot is for. */
export const REFERENCE_ROLES = [
  { id: 'style', label: 'Style' },
  { id: 'character', label: 'Character' },
  { id: 'location', label: 'Location' },
  { id: 'prop', label: 'Prop' },
  { id: 'composition', label: 'Composition' },
] as const
/** A reference role id. */
export type ReferenceRole = (typeof REFERENCE_ROLES)[number]['id']
/** Every reference role id. */
export const REFERENCE_ROLE_IDS = idsOf(REFERENCE_ROLES)

/** Lenses a camera department reaches for, in mm (full-frame equivalent). Any positive mm is allowed. */
export const COMMON_LENSES = [
  { id: 14, label: '14mm (ultra wide)' },
  { id: 18, label: '18mm (ultra wide)' },
  { id: 24, label: '24mm (wide)' },
  { id: 28, label: '28mm (wide)' },
  { id: 35, label: '35mm (normal wide)' },
  { id: 50, label: '50mm (normal)' },
  { id: 65, label: '65mm (portrait)' },
  { id: 85, label: '85mm (portrait)' },
  { id: 100, label: '100mm (telephoto)' },
  { id: 135, label: '135mm (telephoto)' },
] as const

/** A lens as written on a shot: `'50mm'`, or an empty string when no lens is set. */
export function formatLens(lensMm: number | null): string {
  if (lensMm === null) return ''
  // Lenses such as 10.5mm exist; three decimals is more precision than any lens barrel shows.
  return `${Math.round(lensMm * 1000) / 1000}mm`
}
