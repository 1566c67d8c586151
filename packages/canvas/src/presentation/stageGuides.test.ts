import { describe, expect, it } from 'vitest'
import { FRAME_GUIDE_IDS } from '@storyloom/shared/storyboard/frameGuides'
import { stageGuides } from './stageGuides'

describe('stageGuides', () => {
  it('draws nothing while the viewer has Guides off, whatever the board chose', () => {
    for (const board of FRAME_GUIDE_IDS) expect(stageGuides(board, false)).toBeNull()
  })

  it('draws the board’s guides when the viewer turns Guides on', () => {
    expect(stageGuides('thirds', true)).toBe('thirds')
    expect(stageGuides('safe', true)).toBe('safe')
    expect(stageGuides('thirds-safe', true)).toBe('thirds-safe')
  })

  it('draws thirds and safe areas for a board that chose none: the viewer asked to see guides', () => {
    expect(stageGuides('none', true)).toBe('thirds-safe')
  })
})
