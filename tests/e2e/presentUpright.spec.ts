import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { boardWithPictureShot } from './support/pictureBoard'
import { solidPng } from './support/pngImage'
import { openPresent } from './support/presentingBoard'
import { stagePicture } from './support/phoneReviewBoard'
import { IPAD, IPHONE } from './support/touch'

// Present on a phone or a tablet held upright: the picture as wide as the screen allows.

/** Present's 16:9 picture on `page` is as wide as the screen less `margin` px, whole and in proportion, with the player's controls and the comment box in reach. */
async function expectWidePicture(page: Page, margin: number, where: string): Promise<void> {
  const picture = await stagePicture(page)
  const { width } = page.viewportSize()!
  await page.screenshot({ path: test.info().outputPath(`present-${where}.png`) })
  expect(picture.width, `the picture as wide as the ${where}`).toBeGreaterThanOrEqual(width - margin)
  expect(Math.abs(picture.width / picture.height - 16 / 9), 'in proportion').toBeLessThan(0.02)
  await expect(page.locator('img.presentation-stage__media'), 'the picture whole on screen').toBeInViewport({ ratio: 1 })
  for (const control of ['Previous shot', 'Play', 'Next shot']) {
    await expect(page.getByRole('button', { name: control, exact: true }), `${control}, ${where}`).toBeInViewport({ ratio: 1 })
  }
  await expect(page.getByRole('slider', { name: 'Timeline' }), `the timeline, ${where}`).toBeInViewport({ ratio: 1 })
  // The team's comments on the shot: under the picture, reached by scrolling if need be.
  const comment = page.getByRole('textbox', { name: /^Comment on shot 1\.1/ })
  await comment.scrollIntoViewIfNeeded()
  await expect(comment, `the comment box, ${where}`).toBeInViewport()
}

test('Present on a phone and on a tablet held upright shows a 16:9 picture across the screen, in proportion, its controls and the comment box in reach', async ({ newPerson, server }) => {
  const { boardId } = await boardWithPictureShot(server.url, 'Lumen Coffee — 30s spot', solidPng(640, 360, [200, 90, 40]))
  const tablet = await newPerson(IPAD)
  await openPresent(tablet, server.url, boardId, 1)
  // The stage's padding on each side, no more: beside the comments panel it was 422 px of 810.
  await expectWidePicture(tablet, 50, 'tablet')

  const phone = await newPerson(IPHONE)
  await openPresent(phone, server.url, boardId, 1)
  await expectWidePicture(phone, 20, 'phone')
})
