import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { boardEditAnnouncer } from './boardEditAnnouncer'

describe('boardEditAnnouncer', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('tells of a board’s first edit at once, then at most once per interval with the burst’s end, each board on its own', () => {
    const told: string[] = []
    const edits = boardEditAnnouncer((boardId) => told.push(boardId), 5_000)
    edits.edited('a')
    expect(told).toEqual(['a'])
    // Edits every second for 12 s: told again at 5 s and 10 s, not once per edit.
    for (let second = 1; second <= 12; second++) {
      vi.advanceTimersByTime(1_000)
      edits.edited('a')
      if (second === 3) edits.edited('b')
    }
    expect(told).toEqual(['a', 'b', 'a', 'a'])
    // The edit at 12 s is told at 15 s, and nothing after.
    vi.advanceTimersByTime(3_000)
    expect(told).toEqual(['a', 'b', 'a', 'a', 'a'])
    vi.advanceTimersByTime(60_000)
    expect(told).toHaveLength(5)
    // After a quiet interval, at once again.
    edits.edited('a')
    expect(told).toHaveLength(6)
  })

  it('tells nothing more once closed', () => {
    const told: string[] = []
    const edits = boardEditAnnouncer((boardId) => told.push(boardId), 5_000)
    edits.edited('a')
    edits.edited('a')
    edits.close()
    vi.advanceTimersByTime(10_000)
    expect(told).toEqual(['a'])
  })
})
