import type { Page } from '@playwright/test'
import { boardUrl } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { sketchedBoard, sketchesState } from './support/sketchedBoard'

test.setTimeout(240_000)

const SHOTS = 300

const gridState = (page: Page) => sketchesState(page, { view: '.presentation__main', item: '.presentation-grid__card' })

test('the grid of a board with hundreds of sketched shots draws the sketches on and near the screen, and keeps them', async ({ newPerson, server }) => {
  // Someone's client (an import, another tool) writes 300 shots, each with a stroke sketched in its frame.
  const { boardId, client } = await sketchedBoard(server.url, 'Long animatic', SHOTS)

  const presenter = await newPerson()
  await presenter.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(presenter.getByText(`Shot 1 of ${SHOTS}`)).toBeVisible({ timeout: 60_000 })
  await presenter.getByRole('button', { name: 'Grid' }).click()
  await expect(presenter.locator('.presentation-grid__card')).toHaveCount(SHOTS)

  // Opening the grid draws the cards on screen, and those within a screen below: not all 300.
  await expect.poll(async () => {
    const { onScreen, onScreenDrawn } = await gridState(presenter)
    return onScreen > 0 && onScreenDrawn === onScreen
  }, { timeout: 60_000 }).toBe(true)
  const opened = await gridState(presenter)
  expect(opened.drawn).toBeGreaterThanOrEqual(opened.onScreen)
  expect(opened.drawn).toBeLessThanOrEqual(opened.near)
  expect(opened.near).toBeLessThan(SHOTS / 3)
  expect(opened.lastDrawn).toBe(false)
  await presenter.screenshot({ path: test.info().outputPath('grid-opened.png') })

  // Scrolled halfway, then to the end: the cards there are drawn as they come, the first ones keep their pictures.
  const main = presenter.locator('.presentation__main')
  await main.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }))
  await expect.poll(async () => {
    const { onScreen, onScreenDrawn } = await gridState(presenter)
    return onScreen > 0 && onScreenDrawn === onScreen
  }, { timeout: 60_000 }).toBe(true)
  const halfway = await gridState(presenter)
  expect(halfway.firstDrawn).toBe(true)
  await presenter.screenshot({ path: test.info().outputPath('grid-halfway.png') })
  await main.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect.poll(async () => (await gridState(presenter)).lastDrawn, { timeout: 60_000 }).toBe(true)
  const scrolled = await gridState(presenter)
  expect(scrolled.firstDrawn).toBe(true)
  expect(scrolled.onScreenDrawn).toBe(scrolled.onScreen)
  // Three places visited, each drawing what is within a screen of it.
  expect(scrolled.drawn).toBeLessThanOrEqual(opened.near + halfway.near + scrolled.near)
  expect(scrolled.drawn).toBeLessThan(SHOTS)
  await presenter.screenshot({ path: test.info().outputPath('grid-end.png') })
  client.destroy()
})
