// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createShapeId, defaultBindingUtils, defaultShapeUtils, Editor, EditorContext } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardBindingUtils, boardShapeUtils } from '../../board/boardUtils'
import { BoardSessionContext } from '../../board/BoardSessionContext'
import { PAGE_ID, boardStore } from '../../sync/testing/boardFixtures'
import { ShotSoundSection } from './ShotSoundSection'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLDivElement
let root: Root
let editor: Editor
const shot = createShapeId('voiced')
beforeEach(() => {
  container = document.createElement('div')
  root = createRoot(container)
  editor = new Editor({
    store: boardStore(),
    shapeUtils: [...defaultShapeUtils, ...boardShapeUtils],
    bindingUtils: [...defaultBindingUtils, ...boardBindingUtils],
    tools: [],
    getContainer: () => document.body,
  })
  editor.createPage({ id: PAGE_ID, name: 'Page 1' })
  editor.setCurrentPage(PAGE_ID)
  editor.createShape<TLShotShape>({ id: shot, type: 'shot', x: 0, y: 0 })
})
afterEach(() => {
  act(() => root.unmount())
  editor.dispose()
})

const sound = { src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav' as const, name: 'line-12.wav', duration: 2.4 }

function show() {
  const shape = editor.getShape<TLShotShape>(shot)!
  act(() =>
    root.render(
      createElement(
        EditorContext.Provider,
        { value: editor },
        createElement(BoardSessionContext.Provider, { value: { boardId: 'BoardBoardBoard0' } as never }, createElement(ShotSoundSection, { shape })),
      ),
    ),
  )
}
const buttons = () => [...container.querySelectorAll('button')].map((button) => button.textContent)

it('offers an editor Add sound… on a shot without one, and Play, Replace… and Remove on one with one', () => {
  show()
  expect(container.textContent).toContain('No sound of its own.')
  expect(buttons()).toEqual(['Add sound…'])
  editor.updateShape<TLShotShape>({ id: shot, type: 'shot', props: { sound } })
  show()
  expect(container.querySelector('[data-testid="shot-sound-name"]')!.textContent).toBe('line-12.wav · 2.4 s')
  expect(buttons()).toEqual(['Play', 'Replace…', 'Remove'])
})

it('shows a viewer the sound’s name and length and lets them hear it, not change it', () => {
  editor.updateShape<TLShotShape>({ id: shot, type: 'shot', props: { sound } })
  editor.updateInstanceState({ isReadonly: true })
  show()
  expect(container.querySelector('[data-testid="shot-sound-name"]')!.textContent).toBe('line-12.wav · 2.4 s')
  expect(buttons()).toEqual(['Play'])
  expect(container.querySelector('input[type="file"]')).toBeNull()
})
