import type { Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'

/** Whether the two panels are both open and share a pixel. */
function overlap(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [a, b] = ['version-panel', 'history-panel'].map((id) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect())
    if (!a || !b) return false
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
  })
}

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  test(`at ${viewport.width}×${viewport.height} the Versions and History panels never show over each other: opening one closes the other, and focus stays with the toggle pressed`, async ({
    newPerson,
    server,
  }) => {
    const { page } = await onePersonOnBoard(() => newPerson({ viewport }), server.url, 'Panels dock')
    await page.keyboard.press('Shift+S')
    await expect.poll(() => page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)
    const versions = page.getByTestId('version-panel-toggle')
    const history = page.getByTestId('history-panel-toggle')

    await versions.click()
    await expect(page.getByTestId('version-panel')).toBeVisible()
    await history.click()
    await expect(page.getByTestId('history-panel')).toBeVisible()
    expect(await overlap(page)).toBe(false)
    await expect(page.getByTestId('version-panel')).toHaveCount(0)
    await expect(versions).toHaveAttribute('aria-expanded', 'false')
    await expect(history).toBeFocused()
    await page.screenshot({ path: test.info().outputPath('history-after-versions.png') })

    // And back, from the keyboard: Shift+Tab to the Versions toggle, Enter.
    await page.keyboard.press('Shift+Tab')
    await expect(versions).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('version-panel')).toBeVisible()
    await expect(page.getByTestId('history-panel')).toHaveCount(0)
    await expect(history).toHaveAttribute('aria-expanded', 'false')
    await expect(versions).toBeFocused()

    // History from the keyboard too, into its form, and out with Escape back to its toggle.
    await history.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('version-panel')).toHaveCount(0)
    await page.keyboard.press('Tab')
    await expect(page.getByLabel('Snapshot name')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('history-panel')).toHaveCount(0)
    await expect(history).toBeFocused()
    // Escape closed the panel only: the shot is still selected.
    expect(await page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)
  })
}
