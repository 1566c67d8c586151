// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { atom } from 'tldraw'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import { CommentComposer } from '../CommentComposer'
import { StageMarkupContext, type ShownMarkup, type StageDrawing, type StageMarkup } from './stageMarkup'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLDivElement
let root: Root
let stage: StageMarkup
beforeEach(() => {
  sessionStorage.clear()
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  stage = { drawing: atom<StageDrawing | null>('drawing', null), shown: atom<ShownMarkup | null>('shown', null), pause: vi.fn(), mediaUrl: (s) => s, sketchEditor: null }
})
afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

const onSubmit = vi.fn((..._: unknown[]) => Promise.resolve())
const box = (draftKey = 'review:t:shot:shape:a') =>
  act(() =>
    root.render(
      createElement(StageMarkupContext.Provider, { value: stage }, createElement(CommentComposer, { placeholder: 'Comment…', people: [], draftKey, drawOnShot: 'shape:a', onSubmit })),
    ),
  )
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!
/** Whether a button says it cannot be used now (the composer's send button keeps its focus: aria-disabled, not disabled). */
const unusable = (b: HTMLButtonElement) => b.disabled || b.getAttribute('aria-disabled') === 'true'
const status = () => container.querySelector('.markup-tools [role="status"]')!.textContent
const stroke = { color: 'red', points: [[0.1, 0.1], [0.9, 0.9]] } as const satisfies CommentMarkup['strokes'][number]

it('draws on the stage while Draw is on, keeps the drawing as the shot draft across a reload, and sends it without text', async () => {
  box()
  expect(stage.drawing.get()).toBeNull()
  act(() => button('Draw').click())
  expect(stage.pause).toHaveBeenCalled()
  expect(stage.drawing.get()).toMatchObject({ shotId: 'shape:a', color: 'red' })
  act(() => stage.drawing.get()!.addStroke(stroke))
  act(() => stage.drawing.get()!.addStroke({ ...stroke, color: 'yellow' }))
  expect(status()).toBe('Drawing: 2 strokes')
  act(() => button('Undo stroke').click())
  expect(status()).toBe('Drawing: 1 stroke')

  // A reload: the box comes back with the drawing; another shot's box has none.
  act(() => root.unmount())
  root = createRoot(container)
  box('review:t:shot:shape:b')
  expect(unusable(button('Comment'))).toBe(true)
  box()
  expect(status()).toBe('Drawing: 1 stroke')
  expect(unusable(button('Comment'))).toBe(false)

  await act(async () => button('Comment').click())
  expect(onSubmit).toHaveBeenCalledWith('', [], { strokes: [stroke] })
  expect(sessionStorage.length).toBe(0)
  expect(stage.drawing.get()).toBeNull()
})

it('keeps no drawing from storage the server would refuse', () => {
  sessionStorage.setItem('storyloom.commentDraftMarkup:review:t:shot:shape:a', JSON.stringify({ strokes: [{ color: 'red', points: [[5, 5]] }] }))
  box()
  expect(status()).toBe('')
  expect(unusable(button('Comment'))).toBe(true)
})
