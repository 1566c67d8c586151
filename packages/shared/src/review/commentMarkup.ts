import { z } from 'zod'

/**
 * A drawing on a shot's picture that a comment carries ("circle what to change"): freehand
 * strokes in the frame's own coordinates, 0..1 across and down the shot's frame, so a drawing
 * means the same at any size, letterboxed or not, on the stage, in a thumbnail or on the canvas.
 */

/** The colours a stroke may have: few, and each readable over any picture. */
export const MARKUP_COLORS = ['red', 'yellow', 'green', 'blue', 'white'] as const
export type MarkupColor = (typeof MARKUP_COLORS)[number]

/** How each colour is drawn. */
export const MARKUP_COLOR_VALUES: Readonly<Record<MarkupColor, string>> = {
  red: '#ff3b30',
  yellow: '#ffd60a',
  green: '#30d158',
  blue: '#0a84ff',
  white: '#ffffff',
}

/** Most strokes in one drawing. */
export const MAX_MARKUP_STROKES = 30
/** Most points in one stroke (the drawing tool simplifies strokes to fit). */
export const MAX_STROKE_POINTS = 200
/** Most points in one drawing, all strokes together. */
export const MAX_MARKUP_POINTS = 1500
/** Decimals a coordinate keeps: a ten-thousandth of the frame, finer than any screen shows it. */
export const MARKUP_COORDINATE_DECIMALS = 4

const frameCoordinateSchema = z
  .number({ error: 'a drawing point must be a finite number' })
  .min(0, 'a drawing point must lie in the frame (0 to 1)')
  .max(1, 'a drawing point must lie in the frame (0 to 1)')
  .overwrite((v) => Number(v.toFixed(MARKUP_COORDINATE_DECIMALS)))

/** One point of a stroke: [x, y] in the frame, 0..1 from its top left. */
const markupPointSchema = z.tuple([frameCoordinateSchema, frameCoordinateSchema], { error: 'a drawing point must be [x, y]' })

const markupStrokeSchema = z.object({
  color: z.enum(MARKUP_COLORS, { error: `a stroke's colour must be one of ${MARKUP_COLORS.join(', ')}` }),
  points: z
    .array(markupPointSchema)
    .min(1, 'a stroke must have at least one point')
    .max(MAX_STROKE_POINTS, `a stroke can have at most ${MAX_STROKE_POINTS} points`),
})
export type MarkupStroke = z.infer<typeof markupStrokeSchema>

/** A comment's drawing: at least one stroke, within the limits above. */
export const commentMarkupSchema = z.object({
  strokes: z
    .array(markupStrokeSchema)
    .min(1, 'a drawing must have at least one stroke')
    .max(MAX_MARKUP_STROKES, `a drawing can have at most ${MAX_MARKUP_STROKES} strokes`)
    .refine((strokes) => markupPointCount(strokes) <= MAX_MARKUP_POINTS, `a drawing can have at most ${MAX_MARKUP_POINTS} points in all`),
})
export type CommentMarkup = z.infer<typeof commentMarkupSchema>

/** How many points `strokes` have in all. */
export function markupPointCount(strokes: readonly MarkupStroke[]): number {
  return strokes.reduce((sum, stroke) => sum + stroke.points.length, 0)
}

/** The drawing's text alternative: "Drawing: 3 strokes". */
export function markupDescription(markup: CommentMarkup): string {
  const n = markup.strokes.length
  return `Drawing: ${n} ${n === 1 ? 'stroke' : 'strokes'}`
}
