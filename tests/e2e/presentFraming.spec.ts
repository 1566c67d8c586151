import type { Locator, Page } from '@playwright/test'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { boardUrl } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { solidPng } from './support/pngImage'
import { boardWithPictureShot } from './support/pictureBoard'

// A portrait take on a 16:9 shot: the board, the strip and the print crop it to 16:9 from the
// centre, so Present and the client's review link must show that same composition.

/** The picture's box is the shot's 16:9, its picture covering it (cropped, not letterboxed). */
async function expectFramedAsTheShot(picture: Locator, where: string): Promise<void> {
  await expect(picture).toHaveJSProperty('complete', true)
  const box = (await picture.boundingBox())!
  expect(box.width / box.height, `${where}: aspect of the picture's box`).toBeCloseTo(16 / 9, 1)
  const { objectFit, objectPosition } = await picture.evaluate((img) => getComputedStyle(img))
  expect(`${objectFit} ${objectPosition}`, `${where}: cropped from the centre`).toBe('cover 50% 50%')
}

/** Where each of the stage's thirds lines is drawn on screen. */
async function thirdsLines(page: Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return page.locator('.presentation-stage [data-testid="frame-guides"] [data-role="third"]').evaluateAll((lines) =>
    lines.map((line) => {
      const { x, y, width, height } = line.getBoundingClientRect()
      return { x, y, width, height }
    }),
  )
}

/**
 * The board's thirds, turned on in Present, are drawn over the picture's own box, not the stage's:
 * each line within it, the two upright ones at a third and two thirds of its width.
 */
async function expectThirdsOverThePicture(page: Page): Promise<void> {
  await expect(page.locator('.presentation-stage [data-testid="frame-guides"]')).toHaveAttribute('data-guides', 'thirds')
  const picture = (await page.locator('img.presentation-stage__media').boundingBox())!
  const lines = await thirdsLines(page)
  expect(lines).toHaveLength(4)
  for (const line of lines) {
    expect(line.x, 'a guide starts inside the picture').toBeGreaterThanOrEqual(picture.x - 1)
    expect(line.y).toBeGreaterThanOrEqual(picture.y - 1)
    expect(line.x + line.width, 'a guide ends inside the picture').toBeLessThanOrEqual(picture.x + picture.width + 1)
    expect(line.y + line.height).toBeLessThanOrEqual(picture.y + picture.height + 1)
  }
  const upright = lines.filter((l) => l.width < 1).map((l) => (l.x - picture.x) / picture.width)
  expect(upright.sort()).toEqual([expect.closeTo(1 / 3, 2), expect.closeTo(2 / 3, 2)])
  const across = lines.filter((l) => l.height < 1).map((l) => (l.y - picture.y) / picture.height)
  expect(across.sort()).toEqual([expect.closeTo(1 / 3, 2), expect.closeTo(2 / 3, 2)])
}

test('a portrait take on a 16:9 shot is cropped to 16:9 from the centre on Present’s stage, in its grid and on the review link, as on the board; Guides draws the board’s thirds over that picture', async ({ newPerson, server }) => {
  const { boardId } = await boardWithPictureShot(server.url, 'Framing', solidPng(180, 320, [200, 60, 40]), [createBoardSettings({ frameGuides: 'thirds' })])

  const presenter = await newPerson()
  await presenter.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(presenter.getByText('Shot 1 of 1')).toBeVisible({ timeout: 60_000 })
  await expectFramedAsTheShot(presenter.locator('img.presentation-stage__media'), 'stage')
  await presenter.screenshot({ path: test.info().outputPath('stage.png') })

  // The board draws Thirds on its frames; Present shows them only to a viewer who asks (Guides, or O).
  const guides = presenter.getByRole('button', { name: 'Guides' })
  await expect(guides).toHaveAttribute('aria-pressed', 'false')
  await expect(presenter.getByTestId('frame-guides')).toHaveCount(0)
  await guides.click()
  await expect(guides).toHaveAttribute('aria-pressed', 'true')
  // The stage is not 16:9 (it letterboxes the picture): the guides follow the picture, not the stage.
  const stage = (await presenter.locator('.presentation-stage__frame').boundingBox())!
  const picture = (await presenter.locator('img.presentation-stage__media').boundingBox())!
  expect(Math.max(stage.width - picture.width, stage.height - picture.height), 'the stage letterboxes the picture').toBeGreaterThan(40)
  await expectThirdsOverThePicture(presenter)
  await presenter.screenshot({ path: test.info().outputPath('stage-guides.png') })
  // Remembered on this device.
  await presenter.reload()
  await expect(presenter.getByText('Shot 1 of 1')).toBeVisible({ timeout: 60_000 })
  await expect(guides).toHaveAttribute('aria-pressed', 'true')
  await expect(presenter.locator('img.presentation-stage__media')).toHaveJSProperty('complete', true)
  await expectThirdsOverThePicture(presenter)

  await presenter.getByRole('button', { name: 'Grid' }).click()
  await expectFramedAsTheShot(presenter.locator('.presentation-grid__card img'), 'grid')
  await expect(presenter.locator('.presentation-grid__shot [data-testid="frame-guides"]')).toHaveAttribute('data-guides', 'thirds')
  await presenter.screenshot({ path: test.info().outputPath('grid.png') })
  await presenter.keyboard.press('o')
  await expect(guides).toHaveAttribute('aria-pressed', 'false')
  await expect(presenter.getByTestId('frame-guides')).toHaveCount(0)
  await presenter.keyboard.press('g')
  await expect(presenter.locator('img.presentation-stage__media')).toBeVisible()
  await expect(presenter.getByTestId('frame-guides')).toHaveCount(0)

  const created = await fetch(`${server.url}/api/boards/${boardId}/share-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Client', expiresAt: null, passcode: null }),
  })
  expect(created.status).toBe(201)
  const reviewer = await newPerson()
  await reviewer.goto(server.url + ((await created.json()) as { path: string }).path)
  await expectFramedAsTheShot(reviewer.locator('img.presentation-stage__media'), 'review link')
  // A client too may turn the guides on for themselves; they start off.
  await expect(reviewer.getByRole('button', { name: 'Guides' })).toHaveAttribute('aria-pressed', 'false')
  await expect(reviewer.getByTestId('frame-guides')).toHaveCount(0)
  await reviewer.screenshot({ path: test.info().outputPath('review.png') })
})
