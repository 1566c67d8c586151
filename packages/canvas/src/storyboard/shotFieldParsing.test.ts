import { describe, expect, it } from 'vitest'
import { parseDuration, parseLens } from './shotFieldParsing'

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
})
