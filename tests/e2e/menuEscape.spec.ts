import type { Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { placeShot } from './support/shotVersions'

function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.editor?.getSelectedShapeIds() ?? [])
}

// The top-right menus: Escape closes the menu, the keyboard goes back to its button, and the
// canvas does not see the key (tldraw's Escape cleared the selection, emptying the inspector).
for (const { button, menu } of [
  { button: 'Comments', menu: '.comments-menu' },
  { button: 'Review link', menu: '.share-links' },
]) {
  test(`Escape in the ${button} menu closes it only: focus on its button, the shot still selected`, async ({ newPerson, server }) => {
    // Not named after the button: the board's name in its title is a button too (Rename board).
    const { page } = await onePersonOnBoard(newPerson, server.url, 'Menus and Escape')
    await placeShot(page, 'Ada waves the drone in.')
    const selected = await selectedIds(page)
    expect(selected).toHaveLength(1)
    const trigger = page.getByRole('button', { name: button, exact: false }).first()

    // Opened with a click: the keyboard is in the menu.
    await trigger.click()
    await expect(page.locator(menu)).toBeVisible()
    await expect.poll(() => page.evaluate((selector) => document.querySelector(selector)?.contains(document.activeElement), menu)).toBe(true)
    await page.keyboard.press('Escape')
    await expect(page.locator(menu)).toHaveCount(0)
    await expect(trigger).toBeFocused()
    expect(await selectedIds(page)).toEqual(selected)

    // Opened from the keyboard (Enter on the button), closed again with Escape.
    await page.keyboard.press('Enter')
    await expect(page.locator(menu)).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.locator(menu)).toHaveCount(0)
    await expect(trigger).toBeFocused()
    expect(await selectedIds(page)).toEqual(selected)
  })
}
