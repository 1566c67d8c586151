import { describe, expect, it } from 'vitest'
import { parseDuration, parseLens, parseTransitionFrames } from './shotFieldParsing'

describe('inspector number fields', () => {
  it('accepts positive durations up to an hour and explains every refusal', () => {
    expect(parseDuration(' 2.5 ')).toEqual({ ok: true, value: 2.5 })
    for (const bad of ['', '-1', '0', 'abc', '3601']) {
      const parsed = parseDuration(bad)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.message).toMatch(/duration/i)
    }
    expect(parseDuration('-1')).toEqual({ ok: false, message: 'Duration must be more than 0 seconds.' })
  })

  it('reads an empty lens as "not set" and accepts "50mm"', () => {
    expect(parseLens('')).toEqual({ ok: true, value: null })
    expect(parseLens('50mm')).toEqual({ ok: true, value: 50 })
    expect(parseLens('0').ok).toBe(false)
    expect(parseLens('wide').ok).toBe(false)
  })

  it('reads a transition length in frames (or seconds with an "s"), empty for the usual length, and refuses what the board would', () => {
    expect(parseTransitionFrames(' 12 ', 24)).toEqual({ ok: true, value: 12 })
    expect(parseTransitionFrames('18f', 24)).toEqual({ ok: true, value: 18 })
    expect(parseTransitionFrames('', 24)).toEqual({ ok: true, value: null })
    expect(parseTransitionFrames('0.5s', 25)).toEqual({ ok: true, value: 13 })
    expect(parseTransitionFrames('1 s', 30)).toEqual({ ok: true, value: 30 })
    expect(parseTransitionFrames('720', 24)).toEqual({ ok: true, value: 720 })
    expect(parseTransitionFrames('12.5', 24)).toEqual({ ok: false, message: 'Length must be a whole number of frames, or seconds such as 0.5s.' })
    expect(parseTransitionFrames('0', 24)).toEqual({ ok: false, message: 'Length must be at least 1 frame.' })
    expect(parseTransitionFrames('0.01s', 24)).toEqual({ ok: false, message: 'Length must be at least 1 frame.' })
    expect(parseTransitionFrames('721', 24)).toEqual({ ok: false, message: 'Length can be at most 720 frames (30 s).' })
    for (const bad of ['-3', 'NaN', 'Infinity', '1e9', 'soon', '0x10']) expect(parseTransitionFrames(bad, 24).ok, bad).toBe(false)
  })
})
