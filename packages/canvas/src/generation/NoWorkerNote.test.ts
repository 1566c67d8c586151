// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { timeText } from '../app/dateTimeText'
import { NoWorkerNote } from './NoWorkerNote'

afterEach(() => vi.unstubAllGlobals())

it('says when the last worker stopped as every other time: in the reader’s language', () => {
  vi.stubGlobal('navigator', { ...navigator, languages: ['en-GB'], language: 'en-GB' })
  const at = Date.parse('2026-03-14T15:09:27.000Z')
  const html = renderToStaticMarkup(createElement(NoWorkerNote, { lastRefusal: { at, reason: 'Model not installed.' }, className: 'note' }))
  const container = document.createElement('div')
  container.innerHTML = html
  expect(container.textContent).toContain(`the last one to start stopped at ${timeText(at, ['en-GB'])} — Model not installed.`)
  expect(timeText(at, ['en-GB'])).toMatch(/^\d{2}:\d{2}$/u)
})
