import { describe, expect, it } from 'vitest'
import { MOTION_KIND_IDS } from '@storyloom/shared/storyboard/motionShape'
import { MOTION_FAMILIES, familyOfKind, motionFromDrag } from './motionFamilies'

describe('camera-move tool drags', () => {
  it('turns a drag into the move and its direction', () => {
    expect(motionFromDrag('pan', { x: -0.4, y: 0 })).toEqual({ kind: 'pan', direction: 180 })
    expect(motionFromDrag('truck', { x: -0.3, y: 0.1 })).toEqual({ kind: 'truck-left', direction: 180 })
    expect(motionFromDrag('truck', { x: 0.3, y: -0.1 })).toEqual({ kind: 'truck-right', direction: 0 })
    expect(motionFromDrag('crane', { x: 0.1, y: -0.3 })).toEqual({ kind: 'crane-up', direction: 270 })
    expect(motionFromDrag('pedestal', { x: 0, y: 0.3 })).toEqual({ kind: 'pedestal-down', direction: 90 })
    expect(motionFromDrag('orbit', { x: -0.2, y: 0.3 })).toEqual({ kind: 'orbit', direction: 180 })
    expect(motionFromDrag('handheld', { x: 0, y: -0.5 })).toEqual({ kind: 'handheld', direction: 270 })
  })

  it('gives a click the usual direction: tilts and cranes up, everything else to frame right', () => {
    expect(motionFromDrag('tilt', { x: 0, y: 0 })).toEqual({ kind: 'tilt', direction: 270 })
    expect(motionFromDrag('crane', { x: 0.001, y: 0 })).toEqual({ kind: 'crane-up', direction: 270 })
    expect(motionFromDrag('zoom-in', { x: 0.5, y: 0.5 })).toEqual({ kind: 'zoom-in', direction: 0 })
  })

  it('offers every stored kind through some family', () => {
    const families = new Set<string>(MOTION_FAMILIES.map((f) => f.id))
    for (const kind of MOTION_KIND_IDS) expect(families.has(familyOfKind(kind))).toBe(true)
  })
})
