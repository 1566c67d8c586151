import { describe, expect, it } from 'vitest'
import { createShapeId } from 'tldraw'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotFrameRect } from './shotLayout'
import { shotPanelHeight } from './shotLayout'
import { shotSketchClip, shotTakesSketchOf, sketchFrameChange } from './shotSketch'

const shot = (fields: Partial<TLShotShape> = {}, media: TLShotShape['props']['media'] = null): TLShotShape => {
  const base = createShotShape({ id: createShapeId('s'), parentId: 'page:p' as never, index: 'a1' as never })
  return { ...base, ...fields, props: { ...base.props, media } }
}

describe('sketching in a shot', () => {
  it('takes tldraw drawing shapes while the shot has no image, never references or other shots', () => {
    for (const type of ['draw', 'geo', 'arrow', 'text', 'line', 'highlight', 'note']) expect(shotTakesSketchOf(shot(), type)).toBe(true)
    for (const type of ['image', 'video', 'bookmark', 'shot', 'motion', 'frame', 'group']) expect(shotTakesSketchOf(shot(), type)).toBe(false)
  })

  it('stops taking new strokes once the shot has an image, or while it is locked', () => {
    const image = { assetId: 'asset:a' as never, src: '/api/boards/b/assets/a', kind: 'image' as const }
    expect(shotTakesSketchOf(shot({}, image), 'draw')).toBe(false)
    expect(shotTakesSketchOf(shot({ isLocked: true }), 'draw')).toBe(false)
  })

  it('clips the sketch to the frame, not to the whole panel', () => {
    const s = shot()
    const frame = shotFrameRect(s.props.w, s.props.h, s.props.aspect)
    expect(shotSketchClip(s)).toEqual([
      { x: frame.x, y: frame.y },
      { x: frame.x + frame.width, y: frame.y },
      { x: frame.x + frame.width, y: frame.y + frame.height },
      { x: frame.x, y: frame.y + frame.height },
    ])
    expect(frame.y).toBeGreaterThan(0)
    expect(frame.height).toBeLessThan(s.props.h)
  })

  it('maps the old frame onto the new one when the panel is resized, so the drawing keeps its place', () => {
    const before = { w: 320, h: shotPanelHeight(320, '16:9'), aspect: '16:9' as const }
    const after = { w: 640, h: shotPanelHeight(640, '16:9'), aspect: '16:9' as const }
    const a = shotFrameRect(before.w, before.h, before.aspect)
    const b = shotFrameRect(after.w, after.h, after.aspect)
    const change = sketchFrameChange(before, after)!
    expect(change.scale).toBeCloseTo(2)
    const map = (p: { x: number; y: number }) => ({ x: change.to.x + (p.x - change.from.x) * change.scale, y: change.to.y + (p.y - change.from.y) * change.scale })
    // The old frame's corners land on the new frame's corners.
    expect(map({ x: a.x, y: a.y })).toEqual({ x: b.x, y: b.y })
    const far = map({ x: a.x + a.width, y: a.y + a.height })
    expect(far.x).toBeCloseTo(b.x + b.width)
    expect(far.y).toBeCloseTo(b.y + b.height)
  })

  it('fits the whole old frame in a new aspect ratio, centred, and does nothing when the frame is unchanged', () => {
    const before = { w: 320, h: shotPanelHeight(320, '16:9'), aspect: '16:9' as const }
    const scope = { ...before, aspect: '2.39:1' as const, h: shotPanelHeight(320, '2.39:1') }
    const change = sketchFrameChange(before, scope)!
    const b = shotFrameRect(scope.w, scope.h, scope.aspect)
    expect(change.scale).toBeCloseTo(b.height / shotFrameRect(before.w, before.h, before.aspect).height)
    expect(change.to.y).toBeCloseTo(b.y)
    expect(change.to.x).toBeGreaterThan(b.x)
    expect(sketchFrameChange(before, { ...before })).toBeNull()
  })
})
