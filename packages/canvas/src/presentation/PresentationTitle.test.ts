// @vitest-environment jsdom
import { act, createElement, Fragment } from 'react'
import { createRoot } from 'react-dom/client'
import { expect, it } from 'vitest'
import { PresentationTitle } from './PresentationTitle'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** The header title Present renders for `title`: its heading's text and tooltip. */
async function rendered(title: ReturnType<typeof createElement>): Promise<{ text: string; tooltip: string | null; root: ReturnType<typeof createRoot> }> {
  const container = document.createElement('div')
  const root = createRoot(container)
  await act(async () => root.render(createElement(PresentationTitle, null, title)))
  const heading = container.querySelector('h1')!
  return { text: heading.textContent ?? '', tooltip: heading.getAttribute('title'), root }
}

it('shows the full title, which an ellipsis may cut, in a tooltip: each name isolated as it is on the page', async () => {
  const long = 'Launch film for the spring campaign, director’s cut with the client’s notes'
  const title = createElement(Fragment, null, createElement('bdi', null, long), ' · ', createElement('bdi', null, 'ראשי'))
  const { text, tooltip, root } = await rendered(title)
  expect(text).toBe(`${long} · ראשי`)
  expect(tooltip).toBe(`\u2068${long}\u2069 · \u2068ראשי\u2069`)
  await act(async () => root.unmount())
})

it('follows the title as it changes (the board renamed meanwhile)', async () => {
  const container = document.createElement('div')
  const root = createRoot(container)
  await act(async () => root.render(createElement(PresentationTitle, null, createElement('bdi', null, 'Old name'))))
  await act(async () => root.render(createElement(PresentationTitle, null, createElement('bdi', null, 'New name'))))
  expect(container.querySelector('h1')!.getAttribute('title')).toBe('\u2068New name\u2069')
  await act(async () => root.unmount())
})

it('shows the whole title on a tap, where there is no hover for the tooltip, and cuts it again on the next', async () => {
  const container = document.createElement('div')
  const root = createRoot(container)
  await act(async () => root.render(createElement(PresentationTitle, null, createElement('bdi', null, 'Launch film for the spring campaign'))))
  const heading = container.querySelector('h1')!
  expect(heading.hasAttribute('data-whole')).toBe(false)
  await act(async () => heading.click())
  expect(heading.hasAttribute('data-whole')).toBe(true)
  await act(async () => heading.click())
  expect(heading.hasAttribute('data-whole')).toBe(false)
  await act(async () => root.unmount())
})
