import { describe, expect, it } from 'vitest'
import { takeAfterDeletingActive } from './takeAfterDelete'

const take = (id: string, parentId: string | null, createdAt: string, deleted = false) => ({ id, parentId, createdAt, deletedAt: deleted ? createdAt : null })

describe('the take a shot shows once its active take is deleted', () => {
  it('is the take it was made from', () => {
    const takes = [take('a', null, '2026-01-01T00:00:00Z'), take('b', 'a', '2026-01-02T00:00:00Z'), take('c', 'a', '2026-01-03T00:00:00Z')]
    expect(takeAfterDeletingActive(takes, 'b')?.id).toBe('a')
  })

  it('skips deleted ancestors for the nearest live one', () => {
    const takes = [take('a', null, '2026-01-01T00:00:00Z'), take('b', 'a', '2026-01-02T00:00:00Z', true), take('c', 'b', '2026-01-03T00:00:00Z')]
    expect(takeAfterDeletingActive(takes, 'c')?.id).toBe('a')
  })

  it('is the newest other live take for a root take', () => {
    const takes = [take('a', null, '2026-01-01T00:00:00Z'), take('b', 'a', '2026-01-02T00:00:00Z'), take('c', 'a', '2026-01-03T00:00:00Z'), take('d', 'a', '2026-01-04T00:00:00Z', true)]
    expect(takeAfterDeletingActive(takes, 'a')?.id).toBe('c')
  })

  it('is none when the active take is the only live one', () => {
    expect(takeAfterDeletingActive([take('a', null, '2026-01-01T00:00:00Z'), take('b', 'a', '2026-01-02T00:00:00Z', true)], 'a')).toBeNull()
  })
})

describe('the take a shot shows once its active take is deleted, among takes it cannot show', () => {
  it('passes over an unreadable take (its file would be loaded on the shot) as it does a deleted one', () => {
    const takes = [take('a', null, '2026-01-01T00:00:00Z'), take('b', 'a', '2026-01-02T00:00:00Z'), take('c', 'b', '2026-01-03T00:00:00Z'), take('d', null, '2026-01-04T00:00:00Z')]
    const showable = (t: { id: string }) => t.id !== 'b'
    expect(takeAfterDeletingActive(takes, 'c', showable)?.id).toBe('a')
    expect(takeAfterDeletingActive(takes, 'a', (t) => t.id === 'a')).toBeNull()
  })
})
