import { describe, expect, it } from 'vitest'
import { withoutControlCharacters } from '../api/typedName'
import { commentAnchorSchema, commentWithoutControlCharacters, createThreadRequestSchema, findMentions, updateThreadRequestSchema } from './comments'
import { createShareLinkRequestSchema, reviewerNameSchema } from './shareLinks'
import { verdictRequestSchema } from './verdicts'

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

describe('comment text and names', () => {
  const anchor = { kind: 'shot', shotId: 'shape:a' } as const
  const parse = (body: string, authorName = 'Carla') => createThreadRequestSchema.safeParse({ anchor, body, authorName })

  it('keeps line breaks and tabs, with Windows line ends made plain', () => {
    expect(parse('First line\r\n\tthen an indented one\rand a last').data?.body).toBe('First line\n\tthen an indented one\nand a last')
  })

  it.each([
    ['NUL', 'a\u0000b'],
    ['a bell', 'ding\u0007'],
    ['an escape sequence', '\u001b[31mred'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses a comment with %s', (_case, body) => {
    expect(parse(body).error?.issues[0]?.message).toBe('a comment must not contain control characters')
  })

  it('refuses a comment of invisible characters only', () => {
    expect(parse('\u200b\u200d\u2060 \n').error?.issues[0]?.message).toBe('a comment must not be empty')
  })

  it('refuses author names with control characters, in comments, resolves and verdicts', () => {
    expect(parse('Fine', 'Eve\u0000\nAdmin').error?.issues[0]?.message).toBe('name must not contain control characters')
    expect(updateThreadRequestSchema.safeParse({ resolved: true, authorName: 'a\u001bb' }).success).toBe(false)
    expect(verdictRequestSchema.safeParse({ shotId: 'shape:a', verdict: 'approved', reviewerName: 'Eve\u0007' }).success).toBe(false)
    expect(verdictRequestSchema.safeParse({ shotId: 'shape:a', verdict: 'approved', reviewerName: '  Carla (Maison Lumière) 🎬 ' }).data?.reviewerName).toBe('Carla (Maison Lumière) 🎬')
  })

  it('refuses share link labels with control characters', () => {
    expect(createShareLinkRequestSchema.safeParse({ label: 'Client\u0000' }).error?.issues[0]?.message).toBe('label must not contain control characters')
    expect(createShareLinkRequestSchema.safeParse({ label: '' }).success).toBe(true)
  })
})

describe('text saved before the rule, cleaned', () => {
  const anchor = { kind: 'shot', shotId: 'shape:a' } as const

  it('gives comments and names the rule accepts as they are, keeping normal text', () => {
    const saved = ['Line one\r\n\tline two \u0007\u001b[31mred\u0000 end\u0085', 'Plan américain 🎬\n\tOK', 'a\u000bb\u000cc']
    for (const body of saved) {
      const cleaned = commentWithoutControlCharacters(body)
      expect(createThreadRequestSchema.parse({ anchor, body: cleaned, authorName: 'Carla' }).body).toBe(cleaned)
    }
    expect(saved.map(commentWithoutControlCharacters)).toEqual(['Line one\n\tline two [31mred end', 'Plan américain 🎬\n\tOK', 'a\nb\nc'])
    for (const name of ['Eve\u0000\nAdmin', ' Carla\u0085', '\u009bCarla (Maison Lumière) 🎬']) {
      const cleaned = withoutControlCharacters(name)
      expect(reviewerNameSchema.parse(cleaned)).toBe(cleaned)
    }
    expect(withoutControlCharacters('Eve\u0000\nAdmin')).toBe('Eve Admin')
  })
})
