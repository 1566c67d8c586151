// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { ANNOUNCE_AFTER_MS, DialogueFitNote } from './DialogueFitNote'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLDivElement
let root: Root
beforeEach(() => {
  vi.useFakeTimers()
  container = document.createElement('div')
  root = createRoot(container)
})
afterEach(() => {
  act(() => root.unmount())
  vi.useRealTimers()
})

const show = (needs: number | null) =>
  act(() => root.render(createElement(DialogueFitNote, { id: 'fit', shortfall: needs === null ? null : { needs }, onFit: null })))
const note = () => container.querySelector('[data-testid="dialogue-fit-note"]')!.textContent
const announced = () => container.querySelector('[role="status"]')!.textContent

it('shows every change at once, and tells a screen reader only what stays once typing pauses', () => {
  show(null)
  expect(announced()).toBe('')
  // Each word typed makes the dialogue longer: the note follows, the live region waits.
  for (const needs of [3.2, 3.6, 4, 4.4]) {
    show(needs)
    expect(note()).toBe(`Dialogue needs about ${needs} s`)
    act(() => vi.advanceTimersByTime(ANNOUNCE_AFTER_MS / 2))
    expect(announced()).toBe('')
  }
  act(() => vi.advanceTimersByTime(ANNOUNCE_AFTER_MS))
  expect(announced()).toBe('Dialogue needs about 4.4 s')
  // Fitted: the note goes at once, and the live region empties too (nothing is said).
  show(null)
  expect(note()).toBe('')
  act(() => vi.advanceTimersByTime(ANNOUNCE_AFTER_MS))
  expect(announced()).toBe('')
})
