// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dateTimeText, longDateText, relativeTimeText, timeText } from './dateTimeText'

const at = '2026-03-14T15:09:27.000Z'
/** The day of the month and the time at `at` where the test runs (its time zone is not fixed). */
const local = new Date(at)
const day = local.getDate()
const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`

/** The browser's language preferences, as a person set them (not the runtime's default locale). */
const prefer = (languages: string[]) => vi.stubGlobal('navigator', { ...navigator, languages, language: languages[0] })

afterEach(() => vi.unstubAllGlobals())

describe('dateTimeText', () => {
  it.each([['de-DE'], ['en-GB'], ['en-US']])("writes a take's date as %s reads it", (locale) => {
    prefer([locale, 'en-US'])
    const expected = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at))
    expect(dateTimeText(at)).toBe(expected)
  })

  it('differs between German and US English (the test can tell them apart)', () => {
    prefer(['de-DE'])
    const german = dateTimeText(at)
    prefer(['en-US'])
    expect(dateTimeText(at)).not.toBe(german)
  })

  it('falls back to the runtime default for a language tag Intl refuses', () => {
    prefer(['not a tag'])
    expect(dateTimeText(at)).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)))
  })

  it('writes the time to the minute, never the seconds', () => {
    expect(dateTimeText(at, ['en-GB'])).toBe(`${day} Mar 2026, ${hhmm}`)
    expect(dateTimeText(at, ['en-US'])).not.toContain(':27')
  })

  it('takes a moment as an ISO string, milliseconds or a Date alike', () => {
    expect(dateTimeText(Date.parse(at), ['de-DE'])).toBe(dateTimeText(at, ['de-DE']))
    expect(dateTimeText(new Date(at), ['de-DE'])).toBe(dateTimeText(at, ['de-DE']))
  })
})

describe('longDateText', () => {
  it('writes the day with the month named, in the reader’s language', () => {
    expect(longDateText(at, ['en-GB'])).toBe(`${day} March 2026`)
    expect(longDateText(at, ['de-DE'])).toBe(`${day}. März 2026`)
    expect(longDateText(at, ['en-US'])).toBe(`March ${day}, 2026`)
  })

  it('follows the browser’s language preferences, and falls back for a tag Intl refuses', () => {
    prefer(['de-DE', 'en-US'])
    expect(longDateText(at)).toBe(`${day}. März 2026`)
    prefer(['not a tag'])
    expect(longDateText(at)).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(at)))
  })
})

describe('timeText', () => {
  it('writes the time alone, to the minute, as the reader’s clock reads', () => {
    expect(timeText(at, ['en-GB'])).toBe(hhmm)
    expect(timeText(at, ['de-DE'])).toBe(hhmm)
    expect(timeText(at, ['en-US'])).toMatch(/^\d{1,2}:\d{2}\s[AP]M$/u)
  })

  it('follows the browser’s language preferences', () => {
    prefer(['en-US'])
    expect(timeText(at)).toMatch(/[AP]M$/u)
    prefer(['de-DE'])
    expect(timeText(at)).toBe(hhmm)
  })
})

describe('relativeTimeText', () => {
  const now = new Date('2025-06-15T12:00:00Z')
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString()

  it('reads like a person would say it', () => {
    expect(relativeTimeText(ago(10), now, ['en'])).toBe('just now')
    expect(relativeTimeText(ago(5 * 60), now, ['en'])).toBe('5 minutes ago')
    expect(relativeTimeText(ago(3 * 3600), now, ['en'])).toBe('3 hours ago')
    expect(relativeTimeText(ago(26 * 3600), now, ['en'])).toBe('yesterday')
  })

  it('says it in the words of the page around it (English, as "just now"), whatever the reader’s language', () => {
    expect(relativeTimeText(ago(5 * 60), now, ['de-DE'])).toBe('5 minutes ago')
  })

  it('gives the date for anything older than a week, as the reader writes dates', () => {
    expect(relativeTimeText('2025-03-02T10:00:00Z', now, ['en-GB'])).toBe('2 Mar')
    expect(relativeTimeText('2024-03-02T10:00:00Z', now, ['en-GB'])).toBe('2 Mar 2024')
    expect(relativeTimeText('2025-03-02T10:00:00Z', now, ['de-DE'])).toBe('2. März')
    prefer(['en-US'])
    expect(relativeTimeText('2024-03-02T10:00:00Z', now)).toBe('Mar 2, 2024')
  })
})
