import type { Page } from '@playwright/test'
import { boardUrl } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { sketchedBoard, sketchesState } from './support/sketchedBoard'

test.setTimeout(240_000)

const SHOTS = 300

const sheetState = (page: Page) => sketchesState(page, { view: '.print-page', item: '.print-panel' })

test('the print view of a board with hundreds of sketched shots draws the sketches near the screen, and Print waits for all of them', async ({ newPerson, server }) => {
  // Someone's client (an import, another tool) writes 300 shots, each with a stroke sketched in its frame.
  const { boardId, client } = await sketchedBoard(server.url, 'Long storyboard', SHOTS)

  const page = await newPerson()
  await page.goto(`${boardUrl(server.url, boardId)}/print`)
  await expect(page.locator('.print-panel')).toHaveCount(SHOTS, { timeout: 60_000 })

  // Opening draws the panels on screen and within a screen below: not all 300.
  await expect.poll(async () => {
    const { onScreen, onScreenDrawn } = await sheetState(page)
    return onScreen > 0 && onScreenDrawn === onScreen
  }, { timeout: 60_000 }).toBe(true)
  const opened = await sheetState(page)
  expect(opened.drawn).toBeLessThanOrEqual(opened.near)
  expect(opened.near).toBeLessThan(SHOTS / 3)
  expect(opened.lastDrawn).toBe(false)
  await page.screenshot({ path: test.info().outputPath('print-opened.png') })

  // Print (here Ctrl+P, which prints as the Print button does) draws the rest and waits for them:
  // the browser's print is called once every sketch is in.
  await page.evaluate(() => {
    const calls: number[] = []
    Object.assign(window, { printCalls: calls })
    window.print = () => void calls.push(document.querySelectorAll('.print-panel .shot-sketch__image[src^="data:image/svg+xml"]').length)
  })
  // (The "Loading N pictures…" line can be gone before a poll sees it on a fast machine: the count below is the proof.)
  await page.keyboard.press('ControlOrMeta+p')
  await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number[] }).printCalls), { timeout: 120_000 }).toEqual([SHOTS])

  await expect(page.getByRole('button', { name: 'Print…' })).toBeEnabled()
  expect((await sheetState(page)).drawn).toBe(SHOTS)
  client.destroy()
})
