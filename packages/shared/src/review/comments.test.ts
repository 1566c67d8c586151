import { describe, expect, it } from 'vitest'
import { commentAnchorSchema, findMentions } from './comments'

describe('findMentions', () => {
  it('finds people mentioned as @Name, longest name first, each once, ignoring case', () => {
    expect(findMentions('@ann lee and @Ann, again @Ann Lee', ['Ann', 'Ann Lee', 'Bob'])).toEqual(['Ann Lee', 'Ann'])
  })

  it('does not read @Annabel as @Ann, nor an email as a mention', () => {
    expect(findMentions('ask @Annabel or mail bob@example.com', ['Ann', 'example'])).toEqual([])
  })
})

describe('comment anchors', () => {
  it('accepts shots and points on pages, and refuses other ids and non-finite points', () => {
    expect(commentAnchorSchema.safeParse({ kind: 'shot', shotId: 'shape:a' }).success).toBe(true)
    expect(commentAnchorSchema.safeParse({ kind: 'point', pageId: 'page:p', x: 1, y: -2 }).success).toBe(true)
    expect(commentAnchorSchema.safeParse({ kind: 'shot', shotId: 'page:a' }).success).toBe(false)
    expect(commentAnchorSchema.safeParse({ kind: 'point', pageId: 'page:p', x: Number.POSITIVE_INFINITY, y: 0 }).success).toBe(false)
  })
})
