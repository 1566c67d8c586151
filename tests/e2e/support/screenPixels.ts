import type { Locator, Page } from '@playwright/test'

// Reading what the browser actually drew, pixel by pixel, for what the DOM cannot say (a sketch is
// not a blank picture, a button's face is clear of the screen's edge). The specs' one way to do
// it: keep it here rather than a copy in a spec.

/** A screenshot's pixels: RGBA, 4 bytes each, row after row from the top left. */
export type ScreenPixels = {
  width: number
  height: number
  /** Device pixels per CSS pixel on the page (a screenshot is taken in device pixels). */
  devicePixelRatio: number
  data: Uint8ClampedArray
  /** The pixel at (x, y), in device pixels. */
  at(x: number, y: number): [r: number, g: number, b: number]
}

/** What `target` shows on screen, as pixels: its screenshot, decoded by the page's own browser. */
export async function screenPixels(page: Page, target: Locator): Promise<ScreenPixels> {
  const png = (await target.screenshot()).toString('base64')
  const { width, height, devicePixelRatio, data } = await page.evaluate(async (encoded) => {
    const image = new Image()
    image.src = `data:image/png;base64,${encoded}`
    await image.decode()
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height })
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    return { width: canvas.width, height: canvas.height, devicePixelRatio: window.devicePixelRatio, data: context.getImageData(0, 0, canvas.width, canvas.height).data }
  }, png)
  const at = (x: number, y: number): [number, number, number] => {
    const i = (y * width + x) * 4
    return [data[i]!, data[i + 1]!, data[i + 2]!]
  }
  return { width, height, devicePixelRatio, data, at }
}
