import { describe, expect, it } from 'vitest'
import { MAX_TRANSITION_SECONDS } from './limits'
import { usualTransitionSeconds, transitionSeconds } from './transitionLength'

describe('transitionSeconds', () => {
  it('plays a shot without its own length at the usual one: half a second for a dissolve or wipe, longer for a fade', () => {
    expect(transitionSeconds('dissolve', 3, null)).toBe(0.5)
    expect(transitionSeconds('wipe', 3, null)).toBe(0.5)
    expect(transitionSeconds('fade', 3, null)).toBe(0.75)
    expect(usualTransitionSeconds('fade')).toBe(0.75)
  })

  it("plays the shot's own length when it has one", () => {
    expect(transitionSeconds('dissolve', 10, 2)).toBe(2)
    expect(transitionSeconds('fade', 10, 0.25)).toBe(0.25)
    expect(transitionSeconds('wipe', 10, 13 / 24)).toBe(13 / 24)
  })

  it('never takes more than half the shot, whatever length it has', () => {
    expect(transitionSeconds('dissolve', 3, 2)).toBe(1.5)
    expect(transitionSeconds('dissolve', 0.6, null)).toBe(0.3)
    expect(transitionSeconds('fade', 1, MAX_TRANSITION_SECONDS)).toBe(0.5)
  })

  it('is 0 for cuts, match cuts and smash cuts, even with a length kept from an earlier dissolve', () => {
    for (const transition of ['cut', 'match-cut', 'smash-cut'] as const) {
      expect(transitionSeconds(transition, 3, null)).toBe(0)
      expect(transitionSeconds(transition, 3, 1)).toBe(0)
    }
  })
})
