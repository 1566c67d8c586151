import { describe, expect, it } from 'vitest'
import { createShapeId } from 'tldraw'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotFrameRect } from './shotLayout'
import { shotSketchClip, shotTakesSketchOf } from './shotSketch'

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
})
