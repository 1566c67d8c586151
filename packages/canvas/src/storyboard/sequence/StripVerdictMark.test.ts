// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, it } from 'vitest'
import { StripVerdictMark } from './StripVerdictMark'

function mark(drawnComments: number): [string | null, string | null] {
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(createElement(StripVerdictMark, { id: 'm1', verdict: 'changes-requested', by: 'Kim', drawnComments }))
  const el = container.querySelector('[data-testid="strip-shot-verdict"]')!
  return [el.getAttribute('aria-label'), el.getAttribute('title')]
}

it('names the verdict and, when the shot’s comments carry drawings, how many do', () => {
  const verdict = 'Changes requested by \u2068Kim\u2069'
  expect(mark(0)).toEqual([verdict, verdict])
  expect(mark(2)).toEqual([`${verdict} · 2 comments with drawings`, `${verdict} · 2 comments with drawings`])
})
