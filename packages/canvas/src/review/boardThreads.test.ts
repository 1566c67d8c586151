import { describe, expect, it } from 'vitest'
import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import { listedThreads, openThreadsMentioning } from './boardThreads'

const at = '2026-12-06T12:00:00.000Z'
function thread(id: string, resolved: boolean, mentions: string[][]): CommentThreadResponse {
  return {
    id: id.padEnd(16, '_'),
    anchor: { kind: 'shot', shotId: 'shape:a' },
    resolved,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: at,
    comments: mentions.map((m, i) => ({ id: `${id}${i}`, body: 'hi', mentions: m, author: { kind: 'team', id: 'u', name: 'Kim' }, createdAt: at })),
  }
}

describe('openThreadsMentioning', () => {
  it('counts open threads with a comment that mentions the name, once per thread, never resolved ones', () => {
    const threads = [
      thread('one', false, [['Ada'], ['Ada', 'Ben']]),
      thread('two', false, [[], ['Ben']]),
      thread('three', true, [['Ada']]),
      thread('four', false, [['Ada Lovelace']]),
    ]
    expect(openThreadsMentioning(threads, 'Ada')).toBe(1)
    expect(openThreadsMentioning(threads, 'Ben')).toBe(2)
    expect(openThreadsMentioning(threads, 'Kim')).toBe(0)
  })
})

describe('listedThreads', () => {
  const [a, b, c, d] = [thread('a', false, []), thread('b', true, []), thread('c', false, []), thread('d', true, [])]
  const ids = (list: CommentThreadResponse[]) => list.map((t) => t.id[0])
  it('lists the open threads, and keeps in its place a thread just resolved from the list (to show it resolved, with Reopen)', () => {
    expect(ids(listedThreads([a, b, c, d], false, new Set()))).toEqual(['a', 'c'])
    expect(ids(listedThreads([a, b, c, d], false, new Set([b.id])))).toEqual(['a', 'b', 'c'])
  })
  it('with Show resolved, lists the other resolved threads after them', () => {
    expect(ids(listedThreads([a, b, c, d], true, new Set()))).toEqual(['a', 'c', 'b', 'd'])
    expect(ids(listedThreads([a, b, c, d], true, new Set([b.id])))).toEqual(['a', 'b', 'c', 'd'])
  })
})
