import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { IPAD, uncovered } from './support/touch'

// A tablet held upright: the shot inspector takes the right third of the screen, over the canvas.

/** After `count` of the page's animation frames: a camera move started by a tap has begun by then. */
function afterFrames(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)))
        step(n)
      }),
    count,
  )
}

test('on a tablet held upright, a shot tapped on the canvas’s right half comes clear of the shot inspector it opens; one tapped clear of it stays where it is', async ({ newPerson, server }) => {
  test.setTimeout(120_000) // a canvas load and touch input, on a busy machine
  const { boardId, client, scene, shots } = await longBoardShots(server.url, 'Lumen Coffee — 30s spot', 3)
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots] as never))
  client.destroy()
  const [first, second] = [shots[0]!, shots[1]!]
  const tablet = await newPerson(IPAD)
  await openBoard(tablet, boardUrl(server.url, boardId))
  const shape = (id: string) => tablet.locator(`.tl-shape[data-shape-id="${id}"]`)
  const header = (id: string) => shape(id).locator('.shot-panel__header')
  /** The part of the board in view and the zoom: the camera. */
  const camera = () => tablet.evaluate(() => ({ ...window.editor!.getViewportPageBounds(), zoom: window.editor!.getZoomLevel() }))
  const selected = () => tablet.evaluate(() => window.editor!.getSelectedShapeIds())
  const inspector = tablet.getByTestId('shot-inspector')
  await expect.poll(() => uncovered(shape(first.id)), 'the first shot, as the board opens').toBe(true)
  const opening = await camera()

  // The first shot, at the left, is clear of the inspector its tap opens: the view stays as it is.
  const firstHeader = (await header(first.id).boundingBox())!
  await tablet.touchscreen.tap(firstHeader.x + 40, firstHeader.y + firstHeader.height / 2)
  await expect.poll(selected).toEqual([first.id])
  await expect(inspector).toBeVisible()
  await afterFrames(tablet, 20)
  expect(await camera(), 'no jump for a shot already clear').toEqual(opening)
  await tablet.screenshot({ path: test.info().outputPath('tablet-first-shot.png') })

  // The second shot runs under the inspector; tapped where it shows, it comes clear of it, whole, at the same zoom.
  expect(await uncovered(shape(second.id)), 'the second shot, partly under the inspector').toBe(false)
  const secondHeader = (await header(second.id).boundingBox())!
  await tablet.touchscreen.tap(secondHeader.x + 40, secondHeader.y + secondHeader.height / 2)
  await expect.poll(selected).toEqual([second.id])
  await expect(inspector).toBeVisible()
  await expect.poll(() => uncovered(shape(second.id)), 'the tapped shot, clear of the inspector').toBe(true)
  expect((await camera()).zoom, 'panned, not zoomed').toBe(opening.zoom)
  await tablet.screenshot({ path: test.info().outputPath('tablet-second-shot.png') })
})
