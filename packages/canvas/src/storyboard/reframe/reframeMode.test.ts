import { describe, expect, it } from 'vitest'
import { nudgedFraming, parseZoomPercent } from './reframeMode'

describe('parseZoomPercent', () => {
  it('reads a percentage from 100 to 400, with or without %', () => {
    expect(parseZoomPercent('150')).toEqual({ ok: true, value: 150 })
    expect(parseZoomPercent(' 250 % ')).toEqual({ ok: true, value: 250 })
  })

  it('says what is wrong with a zoom that would show an edge, or is not one', () => {
    expect(parseZoomPercent('50')).toEqual({ ok: false, message: expect.stringMatching(/at least 100%/) })
    expect(parseZoomPercent('4000')).toEqual({ ok: false, message: expect.stringMatching(/at most 400%/) })
    expect(parseZoomPercent('big')).toMatchObject({ ok: false })
    expect(parseZoomPercent('')).toMatchObject({ ok: false })
  })
})

describe('nudgedFraming', () => {
  it('moves the picture the way the arrow points, as a drag does, and no further than its edge', () => {
    // The picture moving left shows more of its right: the frame sits further right in it.
    expect(nudgedFraming({ zoom: 2, x: 0.5, y: 0.5 }, 'ArrowLeft', false)).toEqual({ zoom: 2, x: 0.55, y: 0.5 })
    expect(nudgedFraming({ zoom: 2, x: 0.5, y: 0.5 }, 'ArrowDown', true)).toEqual({ zoom: 2, x: 0.5, y: 0.25 })
    expect(nudgedFraming({ zoom: 2, x: 0.02, y: 0.5 }, 'ArrowRight', false)).toEqual({ zoom: 2, x: 0, y: 0.5 })
    expect(nudgedFraming(null, 'ArrowUp', false)).toEqual({ zoom: 1, x: 0.5, y: 0.55 })
  })

  it('leaves other keys alone', () => {
    expect(nudgedFraming(null, 'a', false)).toBeNull()
  })
})
