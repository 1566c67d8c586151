import { describe, expect, it } from 'vitest'
import { SWIPE_MIN_DISTANCE, swipeStep } from './swipe'

describe('swipeStep', () => {
  it('turns to the next shot on a leftward swipe and to the previous on a rightward one', () => {
    expect(swipeStep(-120, 10)).toBe(1)
    expect(swipeStep(120, -10)).toBe(-1)
  })

  it('does not turn on a short touch or a mostly vertical drag (the page scrolling)', () => {
    expect(swipeStep(-(SWIPE_MIN_DISTANCE - 1), 0)).toBe(0)
    expect(swipeStep(-80, 100)).toBe(0)
    expect(swipeStep(0, 0)).toBe(0)
  })
})
