import { describe, expect, it } from 'vitest'
import { commentMarkupSchema, markupDescription, MAX_MARKUP_POINTS, MAX_MARKUP_STROKES, MAX_STROKE_POINTS } from './commentMarkup'
import { createThreadRequestSchema, replyRequestSchema } from './comments'

const stroke = (points: unknown[], color: unknown = 'red') => ({ color, points })
const messageOf = (value: unknown) => {
  const result = commentMarkupSchema.safeParse(value)
  return result.success ? undefined : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
}

describe('a comment drawing', () => {
  it('keeps strokes in the frame, coordinates rounded to a ten-thousandth', () => {
    const parsed = commentMarkupSchema.parse({ strokes: [stroke([[0, 0], [0.123456789, 1]], 'yellow')] })
    expect(parsed).toEqual({ strokes: [{ color: 'yellow', points: [[0, 0], [0.1235, 1]] }] })
    expect(markupDescription(parsed)).toBe('Drawing: 1 stroke')
  })

  it.each([
    ['a point outside the frame', { strokes: [stroke([[1.01, 0.5]])] }, 'strokes.0.points.0.0: a drawing point must lie in the frame (0 to 1)'],
    ['a negative point', { strokes: [stroke([[0.5, -0.001]])] }, 'strokes.0.points.0.1: a drawing point must lie in the frame (0 to 1)'],
    ['Infinity (1e999 in JSON)', JSON.parse('{"strokes":[{"color":"red","points":[[1e999,0]]}]}'), 'a drawing point must be a finite number'],
    ['NaN', { strokes: [stroke([[Number.NaN, 0]])] }, 'a drawing point must be a finite number'],
    ['null (NaN through JSON)', JSON.parse(JSON.stringify({ strokes: [stroke([[Number.NaN, 0]])] })), 'a drawing point must be a finite number'],
    ['a string for a number', { strokes: [stroke([['0.5', 0]])] }, 'a drawing point must be a finite number'],
    ['a point of three numbers', { strokes: [stroke([[0.1, 0.2, 0.3]])] }, 'a drawing point must be [x, y]'],
    ['a point as an object', { strokes: [stroke([{ x: 0, y: 0 }])] }, 'a drawing point must be [x, y]'],
    ['an unknown colour', { strokes: [stroke([[0, 0]], '#ff0000')] }, "a stroke's colour must be one of red, yellow, green, blue, white"],
    ['an empty stroke', { strokes: [stroke([])] }, 'a stroke must have at least one point'],
    ['no strokes', { strokes: [] }, 'a drawing must have at least one stroke'],
    ['strokes not a list', { strokes: 'M0 0' }, 'strokes'],
    ['too many points in a stroke', { strokes: [stroke(Array.from({ length: MAX_STROKE_POINTS + 1 }, () => [0.5, 0.5]))] }, `at most ${MAX_STROKE_POINTS} points`],
    ['too many strokes', { strokes: Array.from({ length: MAX_MARKUP_STROKES + 1 }, () => stroke([[0, 0]])) }, `at most ${MAX_MARKUP_STROKES} strokes`],
    [
      'too many points in all',
      { strokes: Array.from({ length: Math.ceil((MAX_MARKUP_POINTS + 1) / MAX_STROKE_POINTS) }, () => stroke(Array.from({ length: MAX_STROKE_POINTS }, () => [0.5, 0.5]))) },
      `at most ${MAX_MARKUP_POINTS} points in all`,
    ],
  ])('refuses %s with a clear message', (_, value, message) => {
    expect(messageOf(value)).toContain(message)
  })
})

describe('a comment with a drawing', () => {
  const anchor = { kind: 'shot', shotId: 'shape:a' } as const
  const markup = { strokes: [stroke([[0.2, 0.2], [0.8, 0.8]])] }

  it('may have no text; without a drawing, text is still required', () => {
    expect(createThreadRequestSchema.parse({ anchor, markup, authorName: 'Carla' })).toMatchObject({ body: '', markup })
    expect(replyRequestSchema.parse({ body: '  ', markup, authorName: 'Carla' })).toMatchObject({ body: '', markup })
    const empty = createThreadRequestSchema.safeParse({ anchor, body: ' ', authorName: 'Carla' })
    expect(empty.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['body', 'a comment must not be empty']])
  })

  it('is on a shot: a comment at a point on a page cannot carry a drawing', () => {
    const atPoint = createThreadRequestSchema.safeParse({ anchor: { kind: 'point', pageId: 'page:p', x: 1, y: 2 }, body: 'here', markup, authorName: 'Carla' })
    expect(atPoint.error?.issues[0]?.path).toEqual(['markup'])
  })
})
