import type { Locator, Page } from '@playwright/test'

/** A finger on a phone's or tablet's glass (reviewPhone.spec.ts), and the screens it is on. */

/** An iPhone 13 in Safari: 390 px wide, 664 px between the address bar and the bottom bar. */
export const IPHONE = { viewport: { width: 390, height: 664 }, screen: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 }

/** The same iPhone held sideways: 844 px wide (wider than the phone layout), 390 px tall. */
export const IPHONE_SIDEWAYS = { width: 844, height: 390 }

/** A 10.2" iPad held upright in Safari: 810 px wide (wider than a phone, narrower than a desktop), 1010 px under the address bar. */
export const IPAD = { viewport: { width: 810, height: 1010 }, screen: { width: 810, height: 1080 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

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
