import { describe, expect, it } from 'vitest'
import { clearOfCornerLabels, fitLabelText, labelWidth } from './labelFit'

describe("a motion label too wide for its frame", () => {
  it('is shortened with an ellipsis so its box ends inside the frame', () => {
    const text = 'PEDESTAL UP · MEDIUM'
    // A narrow (9:16) frame: the label starts 10 in, its box 5 left of the text.
    const frameWidth = 120
    const fitted = fitLabelText(text, 10, frameWidth)
    expect(fitted.endsWith('…')).toBe(true)
    expect(text.startsWith(fitted.slice(0, -1))).toBe(true)
    expect(10 - 5 + labelWidth(fitted)).toBeLessThanOrEqual(frameWidth)
  })

  it('keeps a label that fits as it is', () => {
    expect(fitLabelText('PAN LEFT · SLOW', 10, 300)).toBe('PAN LEFT · SLOW')
  })
})

describe("a subject path's label near the corner labels", () => {
  const corner = [
    { x: 5, y: 7, w: 120, h: 18 },
    { x: 5, y: 28, w: 120, h: 18 },
  ]
  it('moves below the stack when it would sit on it', () => {
    const at = clearOfCornerLabels({ x: 8, y: 22 }, 100, corner, 300)
    expect(at.x).toBe(8)
    // Its box (from 13 above the baseline) starts below the last corner label.
    expect(at.y - 13).toBeGreaterThanOrEqual(28 + 18)
  })

  it('stays where it is when clear of the stack', () => {
    expect(clearOfCornerLabels({ x: 8, y: 120 }, 100, corner, 300)).toEqual({ x: 8, y: 120 })
  })

  it('goes beside the stack when the frame is too short to go below it', () => {
    const at = clearOfCornerLabels({ x: 8, y: 22 }, 100, corner, 50)
    expect(at.x - 5).toBeGreaterThanOrEqual(5 + 120)
  })
})
