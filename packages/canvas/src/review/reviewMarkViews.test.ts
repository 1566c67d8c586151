// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, it } from 'vitest'
import { CommentsMark } from './CommentsMark'
import { DrawingsMark } from './DrawingsMark'
import { PencilIcon } from './markup/PencilIcon'
import { VerdictMark } from './VerdictMark'

function rendered(element: ReturnType<typeof createElement>, testId: string) {
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(element)
  const el = container.querySelector(`[data-testid="${testId}"]`)!
  return { name: el.getAttribute('aria-label'), title: el.getAttribute('title'), id: el.id, shown: el.textContent, glyph: el.querySelector('svg path')?.getAttribute('d') }
}

const TICK = 'M2 5.2 4.1 7.3 8 2.9'
const BANG = 'M5 1.8v3.9M5 8.1v.1'

it('names the verdict; the shot’s comments with drawings have their own mark, so a screen reader hears the count once', () => {
  const verdict = 'Changes requested by \u2068Kim\u2069'
  expect(rendered(createElement(VerdictMark, { id: 'm1', testId: 'strip-shot-verdict', verdict: 'changes-requested', by: 'Kim' }), 'strip-shot-verdict')).toMatchObject({ name: verdict, title: verdict, id: 'm1', shown: '', glyph: BANG })
})

it('shows a pencil and how many of the shot’s comments carry a drawing, named for screen readers', () => {
  const text = '2 comments with drawings'
  expect(rendered(createElement(DrawingsMark, { id: 'd1', testId: 'strip-shot-drawings', count: 2, text }), 'strip-shot-drawings')).toMatchObject({ name: text, title: text, id: 'd1', shown: '2' })
})

it('draws the same marks on the canvas badge as on a strip card: a tick for approved, "!" for changes requested, the pencil for drawings', () => {
  expect(rendered(createElement(VerdictMark, { testId: 'shot-review-verdict', verdict: 'approved', by: 'Kim' }), 'shot-review-verdict')).toMatchObject({ name: 'Approved by \u2068Kim\u2069', id: '', glyph: TICK })
  expect(rendered(createElement(VerdictMark, { testId: 'shot-review-verdict', verdict: 'changes-requested', by: null }), 'shot-review-verdict')).toMatchObject({ name: 'Changes requested by a reviewer', glyph: BANG })
  const drawings = rendered(createElement(DrawingsMark, { testId: 'shot-review-drawings', count: 1, text: '1 comment with a drawing' }), 'shot-review-drawings')
  expect(drawings).toMatchObject({ name: '1 comment with a drawing', shown: '1' })
  const pencil = document.createElement('div')
  pencil.innerHTML = renderToStaticMarkup(createElement(PencilIcon, { size: 9, strokeWidth: 1.6 }))
  expect(drawings.glyph).toBe(pencil.querySelector('path')?.getAttribute('d'))
})

it('marks a shot’s open comment threads with their count (on yellow), a tick once all are resolved, nothing without comments', () => {
  const mark = (openThreads: number, comments: number) => rendered(createElement(CommentsMark, { testId: 'grid-shot-comments', summary: { openThreads, comments } }), 'grid-shot-comments')
  expect(mark(2, 3)).toMatchObject({ name: '2 open comment threads', title: '2 open comment threads', shown: ' 2' })
  expect(mark(0, 3)).toMatchObject({ name: '3 comments, all resolved', shown: ' ✓' })
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(createElement(CommentsMark, { testId: 'grid-shot-comments', summary: { openThreads: 0, comments: 0 } }))
  expect(container.innerHTML).toBe('')
  container.innerHTML = renderToStaticMarkup(createElement(CommentsMark, { testId: 'grid-shot-comments', summary: undefined }))
  expect(container.innerHTML).toBe('')
})
