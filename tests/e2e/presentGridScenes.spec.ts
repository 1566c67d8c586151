import type { Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { addShot } from './support/reviewBoard'
import { addScene, expectStripNumbers, sequenceStrip } from './support/sequenceStrip'

test.setTimeout(120_000)

const LONG_TITLE = 'The barista hands over a second cup with a wink'

/** Each scene heading's text and its cards' numbers and titles, as the grid shows them. */
function gridByScene(page: Page): Promise<[string, string[]][]> {
  return page.locator('.presentation-grid__scene').evaluateAll((sections) =>
    sections.map((section) => [
      section.querySelector('[data-testid="present-scene-heading"]')?.textContent ?? '',
      Array.from(section.querySelectorAll('.presentation-grid__card')).map(
        (card) => `${card.querySelector('.presentation-grid__number')?.textContent} ${card.querySelector('.presentation-grid__title')?.textContent}`,
      ),
    ]),
  )
}

/** Scrolls the canvas down (a wheel pans it), so the next shots are placed on empty canvas. */
async function panCanvas(page: Page, dy: number): Promise<void> {
  await page.mouse.move(640, 300)
  await page.mouse.wheel(0, dy)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
}

test("Present's grid shows each scene's shots under its heading (number, name, slugline, count, runtime), shots in no scene last", async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Lumen spot')
  await addShot(page, { x: 250, y: 260 }, { title: 'Alt ending', dialogue: '' }, 2)
  await addScene(page, 'Morning ritual', 'INT. KITCHEN – DAY')
  await addShot(page, { x: 620, y: 260 }, { title: 'Alarm', dialogue: '' }, 2)
  await addShot(page, { x: 990, y: 260 }, { title: 'First sip', dialogue: '' }, 1.5)
  await panCanvas(page, 400)
  await addScene(page, 'Commute', 'EXT. CITY STREET – MORNING')
  await addShot(page, { x: 250, y: 260 }, { title: 'Crosswalk', dialogue: '' }, 3)
  await addShot(page, { x: 620, y: 260 }, { title: LONG_TITLE, dialogue: '' }, 1)
  await expectStripNumbers(page, ['1.1', '1.2', '2.1', '2.2', '0.1'])
  // The shot in no scene is numbered under scene 0 (no scene is): its heading in the strip says so.
  await expect(sequenceStrip(page).getByTestId('strip-scene').last().locator('.strip-group__number')).toHaveText('0')

  await page.getByRole('link', { name: 'Present' }).click()
  await expect(page.locator('.presentation-stage')).toBeVisible()
  await page.getByRole('button', { name: 'Grid' }).click()
  await expect.poll(() => gridByScene(page)).toEqual([
    ['1Morning ritualINT. KITCHEN – DAY2 shots · 3.5s', ['1.1 Alarm', '1.2 First sip']],
    ['2CommuteEXT. CITY STREET – MORNING2 shots · 4s', ['2.1 Crosswalk', `2.2 ${LONG_TITLE}`]],
    ['0No scene1 shot · 2s', ['0.1 Alt ending']],
  ])
  const firstHeading = page.getByTestId('present-scene-heading').first()
  await expect(firstHeading.locator('bdi')).toHaveText(['Morning ritual', 'INT. KITCHEN – DAY'])

  // A longer title is read whole (on two lines), not cut off after a few words.
  const longTitle = page.locator('.presentation-grid__card', { hasText: '2.2' }).locator('.presentation-grid__title')
  expect(await longTitle.evaluate((t) => ({ wide: t.scrollWidth > t.clientWidth, tall: t.scrollHeight > t.clientHeight }))).toEqual({ wide: false, tall: false })

  // On a phone the cards go two abreast: one card a row left the client scrolling past one picture at a time.
  await page.setViewportSize({ width: 390, height: 844 })
  const [alarm, sip] = await Promise.all(['1.1', '1.2'].map((n) => page.locator('.presentation-grid__card', { hasText: n }).boundingBox()))
  expect(alarm!.y).toBe(sip!.y)
  expect(sip!.x).toBeGreaterThan(alarm!.x + alarm!.width)
  expect(sip!.x + sip!.width).toBeLessThanOrEqual(390)
  // The grid has the phone's screen: the panel of the shot on screen (half the height) waits for the player.
  await expect(page.locator('.presentation__aside')).toBeHidden()
  await page.getByRole('button', { name: 'Player' }).click()
  await expect(page.locator('.presentation__aside')).toBeVisible()
})
