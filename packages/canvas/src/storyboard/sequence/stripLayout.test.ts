import { describe, expect, it } from 'vitest'
import {
  ADD_BUTTON_WIDTH,
  CARD_GAP,
  CARD_WIDTH,
  EMPTY_SCENE_MAX_WIDTH,
  EMPTY_SCENE_WIDTH,
  GROUP_GAP,
  GROUP_PADDING,
  cardAt,
  dropSideAt,
  dropTargetAt,
  layoutStrip,
  visibleItems,
} from './stripLayout'

const STEP = CARD_WIDTH + CARD_GAP

describe('sequence strip layout', () => {
  it('puts scene groups side by side in reading order, with a drop zone for an empty scene', () => {
    const layout = layoutStrip([
      { sceneId: 's1', shotIds: ['a', 'b'] },
      { sceneId: 's2', shotIds: [] },
      { sceneId: null, shotIds: ['c'] },
    ])
    expect(layout.cards.map((c) => [c.shotId, c.sceneId, c.x, c.position])).toEqual([
      ['a', 's1', GROUP_PADDING, 0],
      ['b', 's1', GROUP_PADDING + STEP, 1],
      ['c', null, expect.any(Number), 2],
    ])
    const [first, empty, unassigned] = layout.groups
    expect(first!.width).toBe(GROUP_PADDING + 2 * STEP + ADD_BUTTON_WIDTH + GROUP_PADDING)
    expect(empty!.x).toBe(first!.width + GROUP_GAP)
    expect(empty!.width).toBe(GROUP_PADDING + EMPTY_SCENE_WIDTH + GROUP_PADDING)
    expect(layout.cards[2]!.x).toBe(unassigned!.x + GROUP_PADDING)
    expect(layout.width).toBe(unassigned!.x + unassigned!.width)
  })

  it('widens an empty scene to its heading, up to a limit, so its name is not cut short', () => {
    const layout = layoutStrip([
      { sceneId: 'short', shotIds: [], headingWidth: 90 },
      { sceneId: 'named', shotIds: [], headingWidth: 230 },
      { sceneId: 'endless', shotIds: [], headingWidth: 2000 },
      { sceneId: 'shots', shotIds: ['a'], headingWidth: 2000 },
    ])
    const [short, named, endless, shots] = layout.groups
    expect(short!.width).toBe(GROUP_PADDING + EMPTY_SCENE_WIDTH + GROUP_PADDING)
    expect(named!.width).toBe(230)
    expect(named!.tailWidth).toBe(230 - 2 * GROUP_PADDING)
    expect(endless!.width).toBe(EMPTY_SCENE_MAX_WIDTH)
    // A scene with shots keeps its cards' width: its heading shortens with an ellipsis.
    expect(shots!.width).toBe(GROUP_PADDING + STEP + ADD_BUTTON_WIDTH + GROUP_PADDING)
  })

  it('renders only the cards in view, even with 500 shots', () => {
    const shotIds = Array.from({ length: 500 }, (_, i) => `shot${i}`)
    const layout = layoutStrip([{ sceneId: 's1', shotIds }])
    const { cards, groups } = visibleItems(layout, 100 * STEP, 1000, { overscan: 0 })
    expect(cards.length).toBeLessThanOrEqual(Math.ceil(1000 / STEP) + 2)
    expect(cards[0]!.shotId).toBe('shot99')
    expect(groups).toHaveLength(1)
  })

  it('also renders the card that holds the keyboard focus when it is scrolled out of view', () => {
    const shotIds = Array.from({ length: 500 }, (_, i) => `shot${i}`)
    const layout = layoutStrip([{ sceneId: 's1', shotIds }])
    const inView = visibleItems(layout, 100 * STEP, 1000, { overscan: 0 }).cards
    const { cards } = visibleItems(layout, 100 * STEP, 1000, { overscan: 0, keep: 'shot3' })
    expect(cards.map((c) => c.shotId)).toEqual(['shot3', ...inView.map((c) => c.shotId)])
    expect(visibleItems(layout, 100 * STEP, 1000, { overscan: 0, keep: 'shot100' }).cards).toEqual(inView)
  })

  it('finds the card under the pointer and which half of it', () => {
    const layout = layoutStrip([{ sceneId: 's1', shotIds: ['a', 'b', 'c'] }])
    const b = layout.cards[1]!
    expect(cardAt(layout, b.x + 10)?.shotId).toBe('b')
    expect(dropSideAt(b, b.x + 10)).toBe('before')
    expect(dropSideAt(b, b.x + CARD_WIDTH - 10)).toBe('after')
    expect(cardAt(layout, layout.width + 500)).toBeNull()
  })
})

describe('dropping dragged shots on the strip', () => {
  const layout = layoutStrip([
    { sceneId: 's1', shotIds: ['a', 'b'] },
    { sceneId: 's2', shotIds: [] },
  ])
  const [a, b] = layout.cards
  const [, empty] = layout.groups

  it('drops before or after the card under the pointer', () => {
    expect(dropTargetAt(layout, a!.x + 5)?.placement).toEqual({ before: 'a' })
    expect(dropTargetAt(layout, b!.x + CARD_WIDTH - 5)?.placement).toEqual({ after: 'b' })
  })

  it('drops at the end of a scene on its add button, and into an empty scene', () => {
    expect(dropTargetAt(layout, b!.x + CARD_WIDTH + CARD_GAP + 10)?.placement).toEqual({ sceneId: 's1', at: 'end' })
    expect(dropTargetAt(layout, empty!.x + 40)?.placement).toEqual({ sceneId: 's2', at: 'end' })
  })

  it('has no target past the last group', () => {
    expect(dropTargetAt(layout, layout.width + 50)).toBeNull()
  })
})
