import { describe, expect, it } from 'vitest'
import { SHOT_TEXT_LINES, estimatedLines, shotTextLineBudget } from './shotTextLines'

describe('shot text lines', () => {
  it('counts a line per typed line break, and the lines a long one wraps to', () => {
    expect(estimatedLines('', 304)).toEqual([])
    expect(estimatedLines('short', 0)).toEqual([])
    expect(estimatedLines('MARIE (V.O.)\nHome, at last.', 304)).toHaveLength(2)
    // A trailing break adds no line; an empty line between two is one (drawn empty).
    expect(estimatedLines('The boat docks.\n', 304)).toHaveLength(1)
    const gap = estimatedLines('One.\n\nTwo.', 304)
    expect(gap).toHaveLength(3)
    expect(gap[1]).toBe(0)
    const wrapped = estimatedLines('x'.repeat(70), 304)
    expect(wrapped).toHaveLength(2)
    expect(wrapped[0]).toBe(1)
    expect(wrapped[1]).toBeLessThan(1)
    // The same text wraps to more lines on a narrower shot.
    expect(estimatedLines('x'.repeat(70), 150).length).toBeGreaterThan(2)
  })

  it('shares the three lines: the dialogue keeps one, each paragraph gets no more than it has', () => {
    expect(SHOT_TEXT_LINES).toBe(3)
    expect(shotTextLineBudget(2, 2)).toEqual({ action: 2, dialogue: 1 })
    expect(shotTextLineBudget(1, 2)).toEqual({ action: 1, dialogue: 2 })
    expect(shotTextLineBudget(1, 5)).toEqual({ action: 1, dialogue: 2 })
    expect(shotTextLineBudget(6, 1)).toEqual({ action: 2, dialogue: 1 })
    expect(shotTextLineBudget(6, 0)).toEqual({ action: 3, dialogue: 0 })
    expect(shotTextLineBudget(0, 6)).toEqual({ action: 0, dialogue: 3 })
    expect(shotTextLineBudget(1, 1)).toEqual({ action: 1, dialogue: 1 })
  })
})
