import { describe, expect, it } from 'vitest'
import { previewZoom } from './previewZoom'

describe('previewZoom', () => {
  it('leaves the preview as it is where the paper fits', () => {
    expect(previewZoom(1440, 'landscape')).toBe(1)
    expect(previewZoom(900, 'portrait')).toBe(1)
  })

  it('scales the page and its margins down to a phone’s width', () => {
    const zoom = previewZoom(390, 'landscape')
    expect(zoom).toBeLessThan(1)
    // The A4 page (297 mm at 96 px an inch) and 24 px each side, scaled, are the phone's width.
    expect((297 * (96 / 25.4) + 48) * zoom).toBeCloseTo(390)
    expect(previewZoom(390, 'portrait')).toBeGreaterThan(zoom)
  })
})
