import { describe, expect, it } from 'vitest'
import { frameGuideGeometry } from '@storyloom/shared/storyboard/frameGuides'
import { frameGuidePaths } from './frameGuidePaths'

describe('frameGuidePaths', () => {
  it('draws each guide as a path of its own, in the frame’s coordinates, with one halo path a role under them', () => {
    const layers = frameGuidePaths(frameGuideGeometry(300, 180, 'thirds'))
    expect(layers.map((l) => l.role)).toEqual(['third', 'centre'])
    const thirds = layers[0]!
    expect(thirds.lines).toEqual(['M100 0L100 180', 'M0 60L300 60', 'M200 0L200 180', 'M0 120L300 120'])
    expect(thirds.halo).toBe(thirds.lines.join(''))
  })

  it('draws a safe area as a closed rectangle, action-safe before title-safe', () => {
    const layers = frameGuidePaths(frameGuideGeometry(200, 100, 'safe'))
    expect(layers.map((l) => l.role)).toEqual(['action-safe', 'title-safe', 'centre'])
    expect(layers[0]!.lines).toEqual(['M10 5h180v90h-180Z'])
    expect(layers[1]!.lines).toEqual(['M20 10h160v80h-160Z'])
  })

  it('has nothing to draw for None', () => {
    expect(frameGuidePaths(frameGuideGeometry(200, 100, 'none'))).toEqual([])
  })
})
