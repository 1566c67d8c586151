import { describe, expect, it } from 'vitest'
import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import { hideMarkup, showMarkup, toggleMarkupPin } from './shownMarkup'

const markup: CommentMarkup = { strokes: [{ color: 'red', points: [[0.1, 0.2], [0.5, 0.6]] }] }
const on = (shotId: string, commentId: string) => ({ shotId, commentId, markup })

describe('a comment drawing pointed at, left and pinned', () => {
  it('shows what is pointed at and hides it when left', () => {
    const shown = showMarkup(null, on('s1', 'c1'), 'shot')
    expect(shown).toEqual({ ...on('s1', 'c1'), pinned: false })
    expect(hideMarkup(shown, 'c1')).toBeNull()
    // Leaving another comment leaves it shown.
    expect(hideMarkup(shown, 'c2')).toBe(shown)
  })

  it('keeps a pinned drawing after the pointer leaves, until it is unpinned', () => {
    const pinned = toggleMarkupPin(showMarkup(null, on('s1', 'c1'), 'shot'), on('s1', 'c1'))
    expect(pinned).toEqual({ ...on('s1', 'c1'), pinned: true })
    expect(hideMarkup(pinned, 'c1')).toBe(pinned)
    expect(toggleMarkupPin(pinned, on('s1', 'c1'))).toBeNull()
  })

  it('pins another comment in place of a pinned one', () => {
    const pinned = toggleMarkupPin(null, on('s1', 'c1'))
    expect(toggleMarkupPin(pinned, on('s2', 'c2'))).toEqual({ ...on('s2', 'c2'), pinned: true })
  })

  it("on a stage, a pinned drawing holds against its shot's other comments only", () => {
    const pinned = toggleMarkupPin(null, on('s1', 'c1'))
    expect(showMarkup(pinned, on('s1', 'c2'), 'shot')).toBe(pinned)
    expect(showMarkup(pinned, on('s2', 'c3'), 'shot')).toEqual({ ...on('s2', 'c3'), pinned: false })
  })

  it('on the canvas, a pinned drawing holds against every other comment', () => {
    const pinned = toggleMarkupPin(null, on('s1', 'c1'))
    expect(showMarkup(pinned, on('s1', 'c2'), 'board')).toBe(pinned)
    expect(showMarkup(pinned, on('s2', 'c3'), 'board')).toBe(pinned)
  })
})
