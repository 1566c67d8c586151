/** What a printed storyboard shows and how it is laid out: chosen on its page, kept in its address. */

/**
 * A panel's text fields that can be left out (number, title and picture always print).
 * `assignee` ("Assigned to Ada") is offered only on a board with members (see PrintToolbar).
 */
export const PRINT_FIELDS = [
  { id: 'camera', label: 'Camera' },
  { id: 'duration', label: 'Duration' },
  { id: 'action', label: 'Action' },
  { id: 'dialogue', label: 'Dialogue' },
  { id: 'assignee', label: 'Assigned to' },
] as const

export type PrintField = (typeof PRINT_FIELDS)[number]['id']

/**
 * Whose shots print: everyone's, those assigned to one person (their account id, as the shots
 * hold it), or those assigned to nobody.
 */
export type ShotsFor = { readonly kind: 'everyone' } | { readonly kind: 'nobody' } | { readonly kind: 'person'; readonly accountId: string }

/** The address's `for` for the shots assigned to nobody; no account id is six letters long (they are 16). */
const FOR_NOBODY = 'nobody'

/** Panels side by side: one (a shooting board, the notes beside the frame) to three (the classic six to a landscape page). */
export const PANELS_PER_ROW = [1, 2, 3] as const
export type PanelsPerRow = (typeof PANELS_PER_ROW)[number]

export const ORIENTATIONS = ['landscape', 'portrait'] as const
export type Orientation = (typeof ORIENTATIONS)[number]

export interface PrintOptions {
  readonly perRow: PanelsPerRow
  readonly orientation: Orientation
  readonly fields: ReadonlySet<PrintField>
  /** Each scene starts on a new page. */
  readonly scenePerPage: boolean
  /** Each frame carries the camera-move and subject-motion arrows drawn on its shot. */
  readonly arrows: boolean
  readonly shotsFor: ShotsFor
}

export const DEFAULT_PRINT_OPTIONS: PrintOptions = {
  perRow: 3,
  orientation: 'landscape',
  // Not "Assigned to": an address that says no fields means the defaults, and printed none before it existed.
  fields: new Set(PRINT_FIELDS.map((f) => f.id).filter((id) => id !== 'assignee')),
  scenePerPage: false,
  arrows: true,
  shotsFor: { kind: 'everyone' },
}

/**
 * The options an address asks for (`?per-row=2&orientation=portrait&fields=camera,action&scene-per-page=1&arrows=0&for=<account id>`).
 * Anything missing or not understood (a hand-edited or old link) falls back to the default for
 * that option; unknown field names are ignored. The arrows have their own parameter, not a
 * place in `fields`: a link that listed its fields before arrows were printed keeps them.
 * "Assigned to" is off by default and listed in `fields` when on, so no link made before it
 * prints it. A `for` naming no one with shots on the board is the page's to tell (shotsFor.ts).
 */
export function printOptionsFromSearch(params: URLSearchParams): PrintOptions {
  const perRow = PANELS_PER_ROW.find((n) => String(n) === params.get('per-row')) ?? DEFAULT_PRINT_OPTIONS.perRow
  const orientation = ORIENTATIONS.find((o) => o === params.get('orientation')) ?? DEFAULT_PRINT_OPTIONS.orientation
  const listed = params.get('fields')?.split(',')
  const fields = listed ? new Set(PRINT_FIELDS.map((f) => f.id).filter((id) => listed.includes(id))) : DEFAULT_PRINT_OPTIONS.fields
  return { perRow, orientation, fields, scenePerPage: params.get('scene-per-page') === '1', arrows: params.get('arrows') !== '0', shotsFor: shotsForFromSearch(params.get('for')) }
}

function shotsForFromSearch(value: string | null): ShotsFor {
  if (value === null) return DEFAULT_PRINT_OPTIONS.shotsFor
  return value === FOR_NOBODY ? { kind: 'nobody' } : { kind: 'person', accountId: value }
}

/** The address's query for `options`: only what differs from the defaults, fields in their usual order. */
export function printOptionsToSearch(options: PrintOptions): URLSearchParams {
  const params = new URLSearchParams()
  if (options.perRow !== DEFAULT_PRINT_OPTIONS.perRow) params.set('per-row', String(options.perRow))
  if (options.orientation !== DEFAULT_PRINT_OPTIONS.orientation) params.set('orientation', options.orientation)
  const fields = PRINT_FIELDS.map((f) => f.id).filter((id) => options.fields.has(id))
  const defaultFields = fields.length === DEFAULT_PRINT_OPTIONS.fields.size && fields.every((id) => DEFAULT_PRINT_OPTIONS.fields.has(id))
  if (!defaultFields) params.set('fields', fields.join(','))
  if (options.scenePerPage) params.set('scene-per-page', '1')
  if (!options.arrows) params.set('arrows', '0')
  if (options.shotsFor.kind === 'nobody') params.set('for', FOR_NOBODY)
  if (options.shotsFor.kind === 'person') params.set('for', options.shotsFor.accountId)
  return params
}
