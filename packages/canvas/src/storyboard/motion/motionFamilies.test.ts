import { describe, expect, it } from 'vitest'
import { MOTION_KIND_IDS } from '@storyloom/shared/storyboard/motionShape'
import { MOTION_FAMILIES, familyOfKind, motionFromDrag, readDirection } from './motionFamilies'

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

  it('snaps a drag to the nearest of the eight directions, unless it is free or a subject’s path', () => {
    // Dragged nearly straight right: a pan to the right, which the inspector's → shows.
    expect(motionFromDrag('pan', { x: 0.4, y: 0.01 })).toEqual({ kind: 'pan', direction: 0 })
    expect(motionFromDrag('pan', { x: 0.4, y: -0.01 })).toEqual({ kind: 'pan', direction: 0 })
    expect(motionFromDrag('whip-pan', { x: 0.3, y: 0.25 })).toEqual({ kind: 'whip-pan', direction: 45 })
    expect(motionFromDrag('pan', { x: 0.4, y: 0.01 }, { free: true }).direction).toBeCloseTo(1.43, 2)
    expect(motionFromDrag('subject', { x: 0.4, y: 0.01 }).direction).toBeCloseTo(1.43, 2)
  })

  it('gives a click the usual direction: tilts and cranes up, everything else to frame right', () => {
    expect(motionFromDrag('tilt', { x: 0, y: 0 })).toEqual({ kind: 'tilt', direction: 270 })
    expect(motionFromDrag('crane', { x: 0.001, y: 0 })).toEqual({ kind: 'crane-up', direction: 270 })
    expect(motionFromDrag('zoom-in', { x: 0.5, y: 0.5 })).toEqual({ kind: 'zoom-in', direction: 0 })
  })

  it('shows any stored direction as its nearest button, with the degrees when it is a free angle', () => {
    expect(readDirection(0)).toEqual({ nearest: 0, freeDegrees: null })
    expect(readDirection(1.45)).toEqual({ nearest: 0, freeDegrees: 1 })
    expect(readDirection(359.3)).toEqual({ nearest: 0, freeDegrees: 359 })
    expect(readDirection(359.8)).toEqual({ nearest: 0, freeDegrees: null })
    expect(readDirection(44.99999999)).toEqual({ nearest: 45, freeDegrees: null })
    expect(readDirection(200)).toEqual({ nearest: 180, freeDegrees: 200 })
  })

  it('offers every stored kind through some family', () => {
    const families = new Set<string>(MOTION_FAMILIES.map((f) => f.id))
    for (const kind of MOTION_KIND_IDS) expect(families.has(familyOfKind(kind))).toBe(true)
  })
})
