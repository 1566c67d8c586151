// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** The module as a page loading afresh gets it (the setting read again from this device). */
async function freshLoad() {
  vi.resetModules()
  return import('./lightTableSetting')
}

let container: HTMLDivElement
let root: Root
beforeEach(() => {
  localStorage.clear()
  container = document.createElement('div')
  root = createRoot(container)
})
afterEach(() => {
  act(() => root.unmount())
  vi.restoreAllMocks()
})

it('is off by default, and once turned on stays on after a reload on this device', async () => {
  const first = await freshLoad()
  expect(first.isLightTableOn()).toBe(false)
  first.setLightTable(true)
  expect((await freshLoad()).isLightTableOn()).toBe(true)
  ;(await freshLoad()).setLightTable(false)
  expect((await freshLoad()).isLightTableOn()).toBe(false)
})

it('shows every reader on the page the same state: the bar’s button and each frame follow one toggle', async () => {
  const { useLightTable, setLightTable } = await freshLoad()
  function Reader({ name }: { name: string }) {
    const [on] = useLightTable()
    return createElement('span', { 'data-name': name }, on ? 'on' : 'off')
  }
  act(() => root.render(createElement('div', null, createElement(Reader, { name: 'bar' }), createElement(Reader, { name: 'frame' }))))
  expect(container.textContent).toBe('offoff')
  act(() => setLightTable(true))
  expect(container.textContent).toBe('onon')
})

it('still turns on for this visit where the device keeps no settings', async () => {
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('blocked', 'SecurityError')
  })
  const { isLightTableOn, setLightTable } = await freshLoad()
  setLightTable(true)
  expect(isLightTableOn()).toBe(true)
})
