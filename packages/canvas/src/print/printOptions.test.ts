import { describe, expect, it } from 'vitest'
import { DEFAULT_PRINT_OPTIONS, printOptionsFromSearch, printOptionsToSearch, type PrintOptions } from './printOptions'

const read = (query: string) => printOptionsFromSearch(new URLSearchParams(query))

describe('print options in the address', () => {
  it('defaults to three panels a row on landscape pages with every note but "Assigned to", for everyone', () => {
    expect(read('')).toEqual(DEFAULT_PRINT_OPTIONS)
    expect(printOptionsToSearch(DEFAULT_PRINT_OPTIONS).toString()).toBe('')
  })

  it('round-trips what was chosen, writing only what differs from the defaults', () => {
    const chosen: PrintOptions = { perRow: 1, orientation: 'portrait', fields: new Set(['dialogue', 'camera']), scenePerPage: true, arrows: false, shotsFor: { kind: 'person', accountId: 'Xk3_9aQ-ZpL2mN0r' } }
    const query = printOptionsToSearch(chosen).toString()
    expect(query).toBe('per-row=1&orientation=portrait&fields=camera%2Cdialogue&scene-per-page=1&arrows=0&for=Xk3_9aQ-ZpL2mN0r')
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

  it('leaves "Assigned to" out by default, so every print link made before it prints what it printed then', () => {
    expect(DEFAULT_PRINT_OPTIONS.fields.has('assignee')).toBe(false)
    expect(read('').fields.has('assignee')).toBe(false)
    expect(read('per-row=2').fields.has('assignee')).toBe(false)
    expect(read('fields=camera,action')).toEqual({ ...DEFAULT_PRINT_OPTIONS, fields: new Set(['camera', 'action']) })
  })

  it('writes "Assigned to" in the fields, also when as many fields are ticked as by default', () => {
    const all = printOptionsToSearch({ ...DEFAULT_PRINT_OPTIONS, fields: new Set([...DEFAULT_PRINT_OPTIONS.fields, 'assignee']) })
    expect(all.toString()).toBe('fields=camera%2Cduration%2Caction%2Cdialogue%2Cassignee')
    expect(read(all.toString()).fields).toEqual(new Set(['camera', 'duration', 'action', 'dialogue', 'assignee']))
    // Four fields, as the default has, but not the default's four: the address says which.
    const swapped = printOptionsToSearch({ ...DEFAULT_PRINT_OPTIONS, fields: new Set(['duration', 'action', 'dialogue', 'assignee']) })
    expect(read(swapped.toString()).fields).toEqual(new Set(['duration', 'action', 'dialogue', 'assignee']))
  })

  it('prints everyone\'s shots unless the address says whose: a person\'s account id, or nobody for the unassigned', () => {
    expect(DEFAULT_PRINT_OPTIONS.shotsFor).toEqual({ kind: 'everyone' })
    expect(read('for=nobody').shotsFor).toEqual({ kind: 'nobody' })
    expect(printOptionsToSearch({ ...DEFAULT_PRINT_OPTIONS, shotsFor: { kind: 'nobody' } }).toString()).toBe('for=nobody')
    expect(read('for=Xk3_9aQ-ZpL2mN0r').shotsFor).toEqual({ kind: 'person', accountId: 'Xk3_9aQ-ZpL2mN0r' })
    // Not an account id at all: a person this board cannot have, whom the page says it cannot find (shotsFor.ts).
    expect(read('for=%3Cscript%3E').shotsFor).toEqual({ kind: 'person', accountId: '<script>' })
    expect(read('for=').shotsFor).toEqual({ kind: 'person', accountId: '' })
  })

  it('falls back to the default for anything it does not understand', () => {
    expect(read('per-row=7&orientation=sideways&fields=camera,<script>,action&scene-per-page=yes&arrows=<b>')).toEqual({
      ...DEFAULT_PRINT_OPTIONS,
      fields: new Set(['camera', 'action']),
    })
    expect(read('per-row=2.0').perRow).toBe(3)
  })
})
