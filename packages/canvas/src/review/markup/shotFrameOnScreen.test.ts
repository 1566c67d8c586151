import { describe, expect, it } from 'vitest'
import { framePointOnScreen, shotFrameOnScreen } from './shotFrameOnScreen'
import { shotFrameRect } from '../../storyboard/shotLayout'

// A 16:9 shot 320 wide: its frame is 320 × 180, under the 32-unit header.
const shot = { x: 100, y: 50, rotation: 0, w: 320, h: shotFrameRect(320, 1000, '16:9').height + 122, aspect: '16:9' as const }

describe("a drawing's place over a shot's frame on screen", () => {
  it("lays the frame's box over the shot's frame, moved and scaled by the camera", () => {
    const frame = shotFrameRect(shot.w, shot.h, shot.aspect)
    expect(frame).toMatchObject({ x: 0, y: 32, width: 320, height: 180 })
    expect(shotFrameOnScreen(shot, { x: 0, y: 0, z: 1 })).toEqual({ x: 100, y: 82, width: 320, height: 180, rotation: 0 })
    // Camera moved 20 left and 10 up in page units, zoomed to 2×.
    expect(shotFrameOnScreen(shot, { x: -20, y: -10, z: 2 })).toEqual({ x: 160, y: 144, width: 640, height: 360, rotation: 0 })
  })

  it("puts frame points (0..1) at the same spot of the shot's frame at any zoom", () => {
    const box = shotFrameOnScreen(shot, { x: 0, y: 0, z: 0.5 })
    expect(framePointOnScreen([0, 0], box)).toEqual({ x: 50, y: 41 })
    expect(framePointOnScreen([0.5, 0.5], box)).toEqual({ x: 50 + 80, y: 41 + 45 })
    expect(framePointOnScreen([1, 1], box)).toEqual({ x: 50 + 160, y: 41 + 90 })
  })

  it('turns with a rotated shot, about its own corner', () => {
    const turned = { ...shot, x: 0, y: 0, rotation: Math.PI / 2 }
    const box = shotFrameOnScreen(turned, { x: 0, y: 0, z: 1 })
    // The frame's corner (0, 32) in the shot turns a quarter clockwise to (-32, 0) on the page.
    expect(box.x).toBeCloseTo(-32)
    expect(box.y).toBeCloseTo(0)
    expect(box.rotation).toBeCloseTo(Math.PI / 2)
    // Its far corner: 320 across the frame goes down the page, 180 down it goes left.
    const far = framePointOnScreen([1, 1], box)
    expect(far.x).toBeCloseTo(-32 - 180)
    expect(far.y).toBeCloseTo(320)
  })

  it('has no box for a frame with no room (a shot squashed to its header)', () => {
    expect(shotFrameOnScreen({ ...shot, h: 40 }, { x: 0, y: 0, z: 1 }).height).toBe(0)
  })
})
