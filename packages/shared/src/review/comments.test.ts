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
    expect(parse('\u3164\ufe0f').error?.issues[0]?.message).toBe('a comment must not be empty')
  })

  it('keeps right-to-left text, Persian joiners and emoji sequences as written', () => {
    const body = 'סצנה 2\u200f: نامه\u200cها\n👩\u200d👩\u200d👧 🏴\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}'
    expect(parse(body).data?.body).toBe(body)
  })

  it.each([
    ['a right-to-left override', 'Approved \u202e.devorppa ton\u202c', 'reorder text (bidirectional overrides, embeddings or isolates)'],
    ['an isolate', 'see \u2067שלום\u2069', 'reorder text (bidirectional overrides, embeddings or isolates)'],
    ['hidden tag text', 'fine\u{e0069}\u{e0067}\u{e006e}\u{e006f}\u{e0072}\u{e0065}', 'hide text (tags, interlinear annotations, deprecated format characters)'],
  ])('refuses a comment with %s, saying which kind of character', (_case, body, kind) => {
    expect(parse(body).error?.issues[0]?.message).toBe(`a comment must not contain characters that ${kind}`)
  })

  it('refuses author names with control characters, in comments, resolves and verdicts', () => {
    expect(parse('Fine', 'Eve\u0000\nAdmin').error?.issues[0]?.message).toBe('name must not contain control characters')
    expect(updateThreadRequestSchema.safeParse({ resolved: true, authorName: 'a\u001bb' }).success).toBe(false)
    expect(verdictRequestSchema.safeParse({ shotId: 'shape:a', verdict: 'approved', reviewerName: 'Eve\u0007' }).success).toBe(false)
    expect(verdictRequestSchema.safeParse({ shotId: 'shape:a', verdict: 'approved', reviewerName: '  Carla (Maison Lumière) 🎬 ' }).data?.reviewerName).toBe('Carla (Maison Lumière) 🎬')
  })

  it('refuses author names that reorder text, in comments, resolves and verdicts', () => {
    expect(parse('Fine', 'Carla\u202e').error?.issues[0]?.message).toBe('name must not contain characters that reorder text (bidirectional overrides, embeddings or isolates)')
    expect(updateThreadRequestSchema.safeParse({ resolved: true, authorName: '\u2066Ann\u2069' }).success).toBe(false)
    expect(verdictRequestSchema.safeParse({ shotId: 'shape:a', verdict: 'approved', reviewerName: 'Eve\u202d' }).success).toBe(false)
    expect(verdictRequestSchema.safeParse({ shotId: 'shape:a', verdict: 'approved', reviewerName: 'כרמל\u200f' }).data?.reviewerName).toBe('כרמל\u200f')
  })

  it('refuses share link labels with control characters or characters that reorder or hide text', () => {
    const label = (value: string) => createShareLinkRequestSchema.safeParse({ label: value })
    expect(label('Client\u0000').error?.issues[0]?.message).toBe('label must not contain control characters')
    expect(label('Client \u202eround 2').error?.issues[0]?.message).toBe('label must not contain characters that reorder text (bidirectional overrides, embeddings or isolates)')
    expect(label('Client\ufff9x\ufffb').error?.issues[0]?.message).toBe('label must not contain characters that hide text (tags, interlinear annotations, deprecated format characters)')
    expect(label('').success).toBe(true)
    expect(label('لقطة — الجولة ٢').data?.label).toBe('لقطة — الجولة ٢')
  })

  it('takes a share link label that shows nothing as no label', () => {
    expect(createShareLinkRequestSchema.parse({ label: ' \u200b\u200d ' }).label).toBe('')
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
