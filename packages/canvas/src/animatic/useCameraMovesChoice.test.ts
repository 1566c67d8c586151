// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, expect, it } from 'vitest'
import { useCameraMovesChoice } from './useCameraMovesChoice'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

afterEach(() => localStorage.clear())

/** The choice as a freshly opened Export video dialog reads it, and its setter. */
function openDialog(): { choice: boolean; set(value: boolean): void } {
  const seen = { choice: false, set: (_: boolean) => {} }
  function Probe() {
    const [choice, set] = useCameraMovesChoice()
    Object.assign(seen, { choice, set })
    return null
  }
  const root = createRoot(document.createElement('div'))
  act(() => root.render(createElement(Probe)))
  return seen
}

it('plays the camera moves until unticked, then keeps the choice on this device', () => {
  const first = openDialog()
  expect(first.choice, 'ticked the first time').toBe(true)
  act(() => first.set(false))
  const second = openDialog()
  expect(second.choice, 'unticked, as left').toBe(false)
  act(() => second.set(true))
  expect(openDialog().choice).toBe(true)
})
