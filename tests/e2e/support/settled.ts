import { expect, type Locator, type Page } from '@playwright/test'

// Waiting until something on screen has stopped moving, before a test aims the pointer at it or
// measures it. A shot added (Shift+S, a strip button) or revealed (a click on its strip card,
// Page Up/Down) is brought into view by a 200 ms glide of the camera, started a frame later and
// started again while the panels around it settle; a box read mid-glide is already stale, and a
// stroke or click aimed at it lands beside the frame. These are the e2e specs' one way to wait
// for that: keep them here rather than a copy in a spec.

/**
 * Reads `read` every 100 ms until two reads in a row agree (compared as JSON), and returns the
 * last one. A read of `null` or `undefined` (nothing on screen yet) never counts as still.
 */
export async function untilStill<T>(read: () => Promise<T>, what = 'the element'): Promise<NonNullable<T>> {
  let last: string | undefined
  let value: T | undefined
  await expect
    .poll(
      async () => {
        value = await read()
        const key = JSON.stringify(value)
        const still = value != null && key === last
        last = key
        return still
      },
      { intervals: [100], message: `${what} should stop moving` },
    )
    .toBe(true)
  return value as NonNullable<T>
}

/**
 * The element's box once it has stopped moving (the same in two reads 100 ms apart): after a
 * shot is added the camera may still be gliding to it, and a stroke aimed at a box read
 * mid-glide lands beside the frame.
 */
export function settledBox(locator: Locator, what = 'the element'): Promise<{ x: number; y: number; width: number; height: number }> {
  return untilStill(async () => {
    await afterTwoFrames(locator.page())
    return locator.boundingBox()
  }, what)
}

/**
 * Resolves after the page has drawn two more frames. A glide starts on the frame after the
 * action that asks for it: two reads taken before that frame agree and would pass for "still"
 * (on a fast machine, in one CI run, both came before the glide began).
 */
function afterTwoFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))))
}

/**
 * The middle of a shot's frame, in the page's pixels, once the camera has come to rest: two
 * reads 100 ms apart agree, each taken two frames on (see `afterTwoFrames`) with tldraw's camera idle.
 */
export function shotCentre(page: Page, shotId: string): Promise<{ x: number; y: number }> {
  const centre = async () => {
    await afterTwoFrames(page)
    return page.evaluate((id) => {
      const editor = window.editor as unknown as {
        getShapePageBounds(id: string): { x: number; y: number; w: number; h: number }
        pageToScreen(point: { x: number; y: number }): { x: number; y: number }
        getCameraState(): 'idle' | 'moving'
      }
      if (editor.getCameraState() !== 'idle') return null
      const box = editor.getShapePageBounds(id)
      const { x, y } = editor.pageToScreen({ x: box.x + box.w / 2, y: box.y + box.h / 2 })
      return { x, y }
    }, shotId)
  }
  return untilStill(centre, `shot ${shotId}`)
}
