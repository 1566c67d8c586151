import type { Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { placeShot } from './support/shotVersions'

/** Where the open Review link menu and the panel under the top-right buttons are, and whether each control of the menu takes a click. */
function menuAndPanel(page: Page) {
  return page.evaluate(() => {
    const menu = document.querySelector('.share-links')!.getBoundingClientRect()
    const panel = document.querySelector('.shot-inspector')!.getBoundingClientRect()
    const covered = Array.from(document.querySelectorAll<HTMLElement>('.share-links :is(button, input, select)'))
      .filter((control) => {
        const box = control.getBoundingClientRect()
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
        return !hit || !control.contains(hit)
      })
      .map((control) => control.getAttribute('aria-label') ?? control.textContent)
    const apart = menu.right <= panel.left || menu.left >= panel.right || menu.bottom <= panel.top || menu.top >= panel.bottom
    return { apart, covered, inView: menu.left >= 0 && menu.bottom <= innerHeight }
  })
}

for (const height of [800, 720]) {
  test(`at 1280×${height} the Review link menu opens clear of the shot inspector, every control in it usable`, async ({ newPerson, server }) => {
    const { page } = await onePersonOnBoard(newPerson, server.url, 'Review menu')
    await page.setViewportSize({ width: 1280, height })
    await placeShot(page, 'Ada waves the drone in.')
    await page.getByRole('button', { name: 'Review link' }).click()
    const menu = page.locator('.share-links')
    await menu.getByLabel('Link label').fill('Client cut')
    await menu.getByRole('button', { name: 'Create link' }).click()
    await expect(menu).toContainText('Client cut')
    await expect.poll(() => menuAndPanel(page)).toEqual({ apart: true, covered: [], inView: true })
    await page.screenshot({ path: test.info().outputPath(`review-link-menu-1280x${height}.png`) })
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
  })
}

test('the Review link menu isolates a typed label in a <bdi>, so a right-to-left one keeps its place', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Review menu label')
  await page.getByRole('button', { name: 'Review link' }).click()
  const menu = page.locator('.share-links')
  await menu.getByLabel('Link label').fill('عميل: القصة')
  await menu.getByRole('button', { name: 'Create link' }).click()
  await expect(menu.locator('.share-links__item bdi')).toHaveText(['عميل: القصة'])
})
