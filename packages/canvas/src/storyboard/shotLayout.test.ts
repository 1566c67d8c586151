import { describe, expect, it } from 'vitest'
import { shotFrameSize, shotPanelHeight } from './shotLayout'

describe('shot panel layout', () => {
  it('fits a full-width frame in the panel height it asks for', () => {
    for (const aspect of ['16:9', '2.39:1', '9:16'] as const) {
      const h = shotPanelHeight(320, aspect)
      const frame = shotFrameSize(320, h, aspect)
      expect(frame.width).toBeCloseTo(320, 0)
    }
  })

  it('letterboxes a frame when the panel is too short for its width', () => {
    const frame = shotFrameSize(320, shotPanelHeight(320, '16:9'), '9:16')
    expect(frame.width).toBeLessThan(320)
    expect(frame.width / frame.height).toBeCloseTo(9 / 16)
  })
})
