import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { boardOfEvenShots, openPresent, shotCounter } from './support/presentingBoard'

/** Lets the page draw `count` frames: as long as playback would need to move the clock on. */
async function frames(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (n) => new Promise<void>((done) => {
      const next = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => next(left - 1)))
      next(n)
    }),
    count,
  )
}

test('dragging the timeline while the animatic plays keeps the playhead under the pointer; let go, it plays on from there', async ({ newPerson, server }) => {
  const boardId = await boardOfEvenShots(server.url, 'Perfume spot', 3, 20)
  const page = await newPerson()
  await openPresent(page, server.url, boardId, 3)
  const clock = page.locator('.presentation-controls__clock')
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()

  // Press on the middle of the timeline (0:30, shot 2) and hold, as a drag that stops to look.
  const box = (await page.getByRole('slider', { name: 'Timeline' }).boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await expect(shotCounter(page)).toHaveText('Shot 2 of 3')
  const held = await clock.textContent()
  expect(held).toMatch(/^0:(29|30)\.\d \/ 1:00\.0$/)
  // Half a second of frames (a tenth of a second shows on the clock): the playhead stays put.
  await frames(page, 30)
  await expect(clock).toHaveText(held!)
  await frames(page, 30)
  await expect(clock).toHaveText(held!)
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()

  // Let go (off the timeline, as drags often end): it plays on from there.
  await page.mouse.move(box.x + box.width / 2, box.y - 200)
  await page.mouse.up()
  await expect(clock).not.toHaveText(held!)
  await expect(shotCounter(page)).toHaveText('Shot 2 of 3')
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
})
