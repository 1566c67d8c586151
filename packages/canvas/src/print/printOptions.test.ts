import { describe, expect, it } from 'vitest'
import { DEFAULT_PRINT_OPTIONS, printOptionsFromSearch, printOptionsToSearch, type PrintOptions } from './printOptions'

const read = (query: string) => printOptionsFromSearch(new URLSearchParams(query))

describe('print options in the address', () => {
  it('defaults to three panels a row on landscape pages with every field', () => {
    expect(read('')).toEqual(DEFAULT_PRINT_OPTIONS)
    expect(printOptionsToSearch(DEFAULT_PRINT_OPTIONS).toString()).toBe('')
  })

  it('round-trips what was chosen, writing only what differs from the defaults', () => {
    const chosen: PrintOptions = { perRow: 1, orientation: 'portrait', fields: new Set(['dialogue', 'camera']), scenePerPage: true, arrows: false }
    const query = printOptionsToSearch(chosen).toString()
    expect(query).toBe('per-row=1&orientation=portrait&fields=camera%2Cdialogue&scene-per-page=1&arrows=0')
    expect(read(query)).toEqual(chosen)
  })

  it('keeps "no fields" apart from "fields not said"', () => {
    const none = printOptionsToSearch({ ...DEFAULT_PRINT_OPTIONS, fields: new Set() })
    expect(none.toString()).toBe('fields=')
    expect(read(none.toString()).fields.size).toBe(0)
  })

  it('prints the motion arrows unless the address says arrows=0, also for a link that lists its fields', () => {
    expect(DEFAULT_PRINT_OPTIONS.arrows).toBe(true)
    expect(read('fields=camera,action').arrows).toBe(true)
    expect(read('arrows=0').arrows).toBe(false)
    expect(read('arrows=off').arrows).toBe(true)
  })

  it('falls back to the default for anything it does not understand', () => {
    expect(read('per-row=7&orientation=sideways&fields=camera,<script>,action&scene-per-page=yes&arrows=<b>')).toEqual({
      ...DEFAULT_PRINT_OPTIONS,
      fields: new Set(['camera', 'action']),
    })
    expect(read('per-row=2.0').perRow).toBe(3)
  })
})
