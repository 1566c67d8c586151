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

const volumeSlider = () => container.querySelector<HTMLInputElement>('input[type="range"][aria-label="Volume"]')
const volumeField = () => [...container.querySelectorAll('label')].find((label) => label.textContent?.startsWith('Volume (%)'))?.querySelector('input') ?? null
const volumeOf = () => editor.getShape<TLShotShape>(shot)!.props.soundVolume

/** Moves the slider to `value` as a browser does (React hears the input event), and shows the shot as it now is. */
function slide(input: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
  show()
}

it('offers a Volume only once the shot has a sound, at 100 % until it is set', () => {
  show()
  expect(volumeSlider()).toBeNull()
  editor.updateShape<TLShotShape>({ id: shot, type: 'shot', props: { sound } })
  show()
  const slider = volumeSlider()!
  expect([slider.min, slider.max, slider.step, slider.value, slider.disabled]).toEqual(['0', '100', '1', '100', false])
  expect(slider.getAttribute('aria-valuetext')).toBe('100 %')
  expect(volumeField()!.value).toBe('100')
})

it('makes one slider drag one undo step, however far it goes, and shows the level in the field', () => {
  editor.updateShape<TLShotShape>({ id: shot, type: 'shot', props: { sound } })
  editor.markHistoryStoppingPoint('sound added')
  show()
  const drag = (values: string[]) => {
    act(() => {
      volumeSlider()!.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    })
    for (const value of values) slide(volumeSlider()!, value)
  }
  drag(['90', '80', '70'])
  drag(['55', '48', '40'])
  expect(volumeOf()).toBe(0.4)
  expect(volumeField()!.value).toBe('40')
  // Undo takes the second drag back whole (not to 48), and then the first (not the sound with it).
  editor.undo()
  expect(volumeOf()).toBe(0.7)
  editor.undo()
  expect(volumeOf()).toBe(1)
  expect(editor.getShape<TLShotShape>(shot)!.props.sound).toEqual(sound)
})

it('shows a viewer the Volume, not a way to change it', () => {
  editor.updateShape<TLShotShape>({ id: shot, type: 'shot', props: { sound, soundVolume: 0.4 } })
  editor.updateInstanceState({ isReadonly: true })
  show()
  expect(volumeSlider()!.value).toBe('40')
  expect(volumeSlider()!.disabled).toBe(true)
  expect(volumeField()!.value).toBe('40')
  expect(volumeField()!.readOnly).toBe(true)
})
