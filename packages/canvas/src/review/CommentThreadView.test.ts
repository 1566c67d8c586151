// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, it } from 'vitest'
import type { CommentResponse, CommentThreadResponse } from '@storyloom/shared/review/comments'
import { CommentThreadView } from './CommentThreadView'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

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

it('says it was resolved (and keeps the focused button, now Reopen) when its Resolve button resolves it; not once it is reopened elsewhere', async () => {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const show = (shown: CommentThreadResponse) =>
    act(() => root.render(createElement(CommentThreadView, { thread: shown, people: [], reader: 'team', onResolve: async (resolved: boolean) => show({ ...shown, resolved, resolvedBy: resolved ? 'Dana' : null }) })))
  await show(thread)
  const status = () => container.querySelector('[role="status"]')?.textContent
  const button = () => container.querySelector<HTMLButtonElement>('.comment-thread__resolve')!
  expect([status(), button().textContent]).toEqual(['', 'Resolve'])
  button().focus()
  await act(async () => button().click())
  expect([status(), button().textContent, container.querySelector('.comment-thread__resolved')?.textContent]).toEqual(['Thread resolved', 'Reopen', 'Resolved by Dana'])
  expect(document.activeElement).toBe(button())
  await show({ ...thread, resolved: false }) // a reply reopened it, from another screen
  expect([status(), button().textContent]).toEqual(['', 'Resolve'])
  await act(async () => root.unmount())
  container.remove()
})

it.each([
  ['reviewer', ['Reviewer', 'Team']],
  ['team', ['Reviewer', null]],
] as const)("tags who wrote each comment for the %s reading: a client tells the team's replies from other reviewers'", (reader, tags) => {
  const answered = { ...thread, comments: [comment('c1', 'Smaller'), comment('c2', 'Will do', { author: { kind: 'team', id: 'u1', name: 'Paula' } })] }
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(createElement(CommentThreadView, { thread: answered, people: [], reader }))
  expect([...container.querySelectorAll('.comment')].map((c) => c.querySelector('.comment__tag')?.textContent ?? null)).toEqual(tags)
})
