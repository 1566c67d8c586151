// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dateTimeText } from './dateTimeText'

const at = '2026-03-14T15:09:00.000Z'

describe('dateTimeText', () => {
  afterEach(() => vi.unstubAllGlobals())

  /** The browser's language preferences, as a person set them (not the runtime's default locale). */
  const prefer = (languages: string[]) => vi.stubGlobal('navigator', { ...navigator, languages, language: languages[0] })

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
})
