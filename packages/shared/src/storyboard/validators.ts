import { T } from '@tldraw/validate'

/**
 * Building blocks for the storyboard's tldraw validators. Their messages are shown to users
 * when the server refuses a change, so they say what is wrong in plain words.
 */

/** A string of at most `max` characters. */
export function boundedString(max: number): T.Validator<string> {
  return T.string.check((value) => {
    if (value.length > max) {
      throw new T.ValidationError(`Expected at most ${max} characters, got ${value.length}`)
    }
  })
}

/** A finite number within `[min, max]`, or `(min, max]` when `minExclusive` is set. */
export function boundedNumber(
  min: number,
  max: number,
  { minExclusive = false }: { minExclusive?: boolean } = {},
): T.Validator<number> {
  return T.number.check((value) => {
    const tooSmall = minExclusive ? value <= min : value < min
    if (tooSmall || value > max) {
      const low = minExclusive ? `more than ${min}` : `at least ${min}`
      throw new T.ValidationError(`Expected a number ${low} and at most ${max}, got ${value}`)
    }
  })
}

/**
 * Whether a media URL is one a board may hold: the board's own asset store (`/api/…`) or an
 * http(s) URL. Inline `data:`/`blob:` URLs would put the file itself into the shared doc.
 */
export function isBoardMediaUrl(src: string): boolean {
  return src.startsWith('/api/') || /^https?:\/\//i.test(src)
}
