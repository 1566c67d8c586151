// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { isTyping } from './isTyping'

function element(html: string): HTMLElement {
  const host = document.createElement('div')
  host.innerHTML = html
  return host.firstElementChild as HTMLElement
}

describe('isTyping', () => {
  // jsdom has no isContentEditable: editable elements (tldraw's text) are covered in the browser.
  it('is true in text fields, text areas and selects', () => {
    for (const html of ['<input>', '<input type="search">', '<textarea></textarea>', '<select></select>']) expect(isTyping(element(html)), html).toBe(true)
  })

  it('is false on a range slider, a button, the page and no target', () => {
    for (const html of ['<input type="range">', '<button>Play</button>', '<div tabindex="0"></div>']) expect(isTyping(element(html)), html).toBe(false)
    expect(isTyping(document)).toBe(false)
    expect(isTyping(null)).toBe(false)
  })
})
