/** What a printed storyboard shows and how it is laid out: chosen on its page, kept in its address. */

/** A panel's text fields that can be left out (number, title and picture always print). */
export const PRINT_FIELDS = [
  { id: 'camera', label: 'Camera' },
  { id: 'duration', label: 'Duration' },
  { id: 'action', label: 'Action' },
  { id: 'dialogue', label: 'Dialogue' },
] as const

export type PrintField = (typeof PRINT_FIELDS)[number]['id']

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
}

export const DEFAULT_PRINT_OPTIONS: PrintOptions = {
  perRow: 3,
  orientation: 'landscape',
  fields: new Set(PRINT_FIELDS.map((f) => f.id)),
  scenePerPage: false,
  arrows: true,
}

/**
 * The options an address asks for (`?per-row=2&orientation=portrait&fields=camera,action&scene-per-page=1&arrows=0`).
 * Anything missing or not understood (a hand-edited or old link) falls back to the default for
 * that option; unknown field names are ignored. The arrows have their own parameter, not a
 * place in `fields`: a link that listed its fields before arrows were printed keeps them.
 */
export function printOptionsFromSearch(params: URLSearchParams): PrintOptions {
  const perRow = PANELS_PER_ROW.find((n) => String(n) === params.get('per-row')) ?? DEFAULT_PRINT_OPTIONS.perRow
  const orientation = ORIENTATIONS.find((o) => o === params.get('orientation')) ?? DEFAULT_PRINT_OPTIONS.orientation
  const listed = params.get('fields')?.split(',')
  const fields = listed ? new Set(PRINT_FIELDS.map((f) => f.id).filter((id) => listed.includes(id))) : DEFAULT_PRINT_OPTIONS.fields
  return { perRow, orientation, fields, scenePerPage: params.get('scene-per-page') === '1', arrows: params.get('arrows') !== '0' }
}

/** The address's query for `options`: only what differs from the defaults, fields in their usual order. */
export function printOptionsToSearch(options: PrintOptions): URLSearchParams {
  const params = new URLSearchParams()
  if (options.perRow !== DEFAULT_PRINT_OPTIONS.perRow) params.set('per-row', String(options.perRow))
  if (options.orientation !== DEFAULT_PRINT_OPTIONS.orientation) params.set('orientation', options.orientation)
  const fields = PRINT_FIELDS.map((f) => f.id).filter((id) => options.fields.has(id))
  if (fields.length !== DEFAULT_PRINT_OPTIONS.fields.size) params.set('fields', fields.join(','))
  if (options.scenePerPage) params.set('scene-per-page', '1')
  if (!options.arrows) params.set('arrows', '0')
  return params
}
