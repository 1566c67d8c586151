// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, it } from 'vitest'
import { StripDrawingsMark } from './StripDrawingsMark'
import { StripVerdictMark } from './StripVerdictMark'

function rendered(element: ReturnType<typeof createElement>, testId: string) {
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(element)
  const el = container.querySelector(`[data-testid="${testId}"]`)!
  return { name: el.getAttribute('aria-label'), title: el.getAttribute('title'), id: el.id, shown: el.textContent }
}

it('names the verdict; the shot’s comments with drawings have their own mark, so a screen reader hears the count once', () => {
  const verdict = 'Changes requested by \u2068Kim\u2069'
  expect(rendered(createElement(StripVerdictMark, { id: 'm1', verdict: 'changes-requested', by: 'Kim' }), 'strip-shot-verdict')).toEqual({ name: verdict, title: verdict, id: 'm1', shown: '' })
})

it('shows a pencil and how many of the shot’s comments carry a drawing, named for screen readers', () => {
  const text = '2 comments with drawings'
  expect(rendered(createElement(StripDrawingsMark, { id: 'd1', count: 2, text }), 'strip-shot-drawings')).toEqual({ name: text, title: text, id: 'd1', shown: '2' })
})
