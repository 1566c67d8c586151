import { describe, expect, it } from 'vitest'
import { GREEK_ZOOM, greekBars, isGreekZoom } from './shotGreeking'

describe('shot greeking', () => {
  it('greeks below the zoom where 12 px text falls under about 4 px, not at or above it', () => {
    expect(isGreekZoom(0.2)).toBe(true)
    expect(isGreekZoom(GREEK_ZOOM - 0.01)).toBe(true)
    expect(isGreekZoom(GREEK_ZOOM)).toBe(false)
    expect(isGreekZoom(0.5)).toBe(false)
    expect(isGreekZoom(1)).toBe(false)
    expect(12 * GREEK_ZOOM).toBeGreaterThanOrEqual(4)
    expect(12 * GREEK_ZOOM).toBeLessThanOrEqual(5)
  })

  it('draws one bar per wrapped line, at most the lines the text shows, the last as long as its line', () => {
    expect(greekBars('', 300)).toEqual([])
    expect(greekBars('short', 0)).toEqual([])
    const [one] = greekBars('A short line', 304)
    expect(greekBars('A short line', 304)).toHaveLength(1)
    expect(one).toBeGreaterThanOrEqual(10)
    expect(one).toBeLessThan(100)
    const two = greekBars('x'.repeat(70), 304)
    expect(two).toHaveLength(2)
    expect(two[0]).toBe(100)
    expect(two[1]).toBeLessThan(100)
    expect(greekBars('x'.repeat(1000), 304)).toEqual([100, 100, 100])
    expect(greekBars('x'.repeat(1000), 304, 2)).toEqual([100, 100])
  })

  it('draws a bar for each line the text was typed in, each as long as its line', () => {
    const bars = greekBars('MARIE (V.O.)\nHome, at last, after all these years at sea.', 304)
    expect(bars).toHaveLength(2)
    expect(bars[0]).toBeLessThan(bars[1]!)
    expect(greekBars('One.\nTwo.\nThree.\nFour.', 304, 2)).toHaveLength(2)
  })
})
