// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, it } from 'vitest'
import type { CommentResponse, CommentThreadResponse } from '@storyloom/shared/review/comments'
import { CommentThreadView } from './CommentThreadView'

const circle = { strokes: [{ color: 'red' as const, points: [[0.25, 0.25], [0.75, 0.75]] as [number, number][] }] }

function comment(id: string, body: string, extra: Partial<CommentResponse> = {}): CommentResponse {
  return { id, body, mentions: [], author: { kind: 'reviewer', shareLinkId: 'l1', name: 'Kim' }, createdAt: '2026-12-06T10:00:00.000Z', ...extra }
}

function rendered(thread: CommentThreadResponse, withPicture: boolean): HTMLElement {
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(
    createElement(CommentThreadView, { thread, people: [], reader: 'team', ...(withPicture && { markupPicture: { aspect: 16 / 9 } }) }),
  )
  return container
}

const thread: CommentThreadResponse = {
  id: 'thread0000000001',
  anchor: { kind: 'shot', shotId: 'shape:a' },
  resolved: false,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2026-12-06T10:00:00.000Z',
  comments: [comment('c1', 'Smaller', { markup: circle }), comment('c2', 'And brighter'), comment('c3', '', { markup: circle })],
}

it.each([true, false])('marks in its heading each comment that carries a drawing, and only those (thumbnail shown: %s)', (withPicture) => {
  const marks = [...rendered(thread, withPicture).querySelectorAll('.comment')].map((c) => {
    const mark = c.querySelector('.comment__meta [role="img"]')
    return mark && [mark.getAttribute('aria-label'), mark.getAttribute('title')]
  })
  expect(marks).toEqual([['Has a drawing', 'Has a drawing'], null, ['Has a drawing', 'Has a drawing']])
})

it.each([
  ['reviewer', 'Reply (reopens the thread)…'],
  ['team', 'Reply to the reviewer (reopens the thread; they see it)…'],
] as const)('keeps the reply box in a resolved thread, saying a reply reopens it (%s reading)', (reader, label) => {
  const resolved = { ...thread, resolved: true, resolvedBy: 'Dana', resolvedAt: '2026-12-06T11:00:00.000Z' }
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(createElement(CommentThreadView, { thread: resolved, people: [], reader, onReply: () => Promise.resolve() }))
  expect([...container.querySelectorAll('textarea')].map((box) => box.getAttribute('aria-label'))).toEqual([label])
  expect(container.querySelector('.comment-thread__resolved')?.textContent).toBe('Resolved by Dana')
})
