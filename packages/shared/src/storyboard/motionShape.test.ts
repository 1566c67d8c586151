import { describe, expect, it } from 'vitest'
import { MOTION_KIND_IDS, directionToVector, normalizeDirection, snapDirection, speedLabel, vectorToDirection } from './motionShape'
import { motionShapeProps } from './motionShape'

describe('motion directions', () => {
  it('uses screen directions: 0 right, 90 down, 180 left, 270 up', () => {
    expect(vectorToDirection({ x: 1, y: 0 })).toBe(0)
    expect(vectorToDirection({ x: 0, y: 1 })).toBe(90)
    expect(vectorToDirection({ x: -1, y: 0 })).toBe(180)
    expect(vectorToDirection({ x: 0, y: -1 })).toBe(270)
    const down = directionToVector(90)
    expect(down.x).toBeCloseTo(0)
    expect(down.y).toBeCloseTo(1)
  })

  it('always produces a direction the validator accepts', () => {
    for (const deg of [-1e-15, -0, -90, 360, 720.5, 359.9999999999]) {
      const normalized = normalizeDirection(deg)
      expect(() => motionShapeProps.direction.validate(normalized)).not.toThrow()
    }
    expect(normalizeDirection(-90)).toBe(270)
    expect(Object.is(normalizeDirection(-0), 0)).toBe(true)
  })

  it('snaps any angle to the nearest of the eight directions, across 0°', () => {
    expect([1.45, 22.4, 22.6, 89.9999, 200, 337.6, 359.6, -10].map(snapDirection)).toEqual([0, 0, 45, 90, 180, 0, 0, 0])
  })

  it('round-trips between vectors and degrees', () => {
    for (const deg of [0, 45, 135, 200, 315]) expect(vectorToDirection(directionToVector(deg))).toBeCloseTo(deg)
  })
})

describe('motion kinds and speed words', () => {
  it('offers every camera move but static, plus a subject path', () => {
    expect(MOTION_KIND_IDS).not.toContain('static')
    expect(MOTION_KIND_IDS).toContain('dolly-in')
    expect(MOTION_KIND_IDS.at(-1)).toBe('subject')
  })

  it('reads speeds as slow, medium or fast', () => {
    expect([0, 0.3, 0.5, 0.7, 1].map(speedLabel)).toEqual(['Slow', 'Slow', 'Medium', 'Fast', 'Fast'])
  })
})
