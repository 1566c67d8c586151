import type { Locator, Page } from '@playwright/test'

/** A finger on a phone's or tablet's glass (reviewPhone.spec.ts). */

/** A finger drawn across the page from `from` to `to` (Chromium's touch input: a swipe, not taps). */
export async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const touch = await page.context().newCDPSession(page)
  await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] })
  for (let i = 1; i <= 10; i++) {
    await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + ((to.x - from.x) * i) / 10, y: from.y + ((to.y - from.y) * i) / 10 }] })
  }
  await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await touch.detach()
}

/**
 * Whether nothing covers `locator` on screen: the element at each of six points over it (three
 * across, a quarter and three quarters down) is inside it. tldraw's shapes take no pointer events (the canvas hit-tests them), so for the
 * look-up the element takes them for a moment.
 */
export function uncovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((el: HTMLElement) => {
    const box = el.getBoundingClientRect()
    el.style.pointerEvents = 'auto'
    const clear = [0.1, 0.5, 0.9].every((fx) => [0.25, 0.75].every((fy) => el.contains(document.elementFromPoint(box.left + box.width * fx, box.top + box.height * fy))))
    el.style.pointerEvents = ''
    return clear
  })
}
