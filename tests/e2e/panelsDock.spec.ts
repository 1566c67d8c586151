import type { Page } from '@playwright/test'
import { leaveNewShotTitle } from './support/sequenceStrip'
import { onePersonOnBoard } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { uploadTake } from './support/shotVersions'

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

/** The ids of the page's shots whose frames share a pixel with the open Versions panel or the shot inspector. */
function shotsUnderPanels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const covers = [...document.querySelectorAll('[data-testid="version-panel"], .shot-inspector')].map((el) => el.getBoundingClientRect())
    return [...document.querySelectorAll<HTMLElement>('.tl-shape[data-shape-id^="shape:"]')]
      .filter((shape) => shape.querySelector('.shot-panel'))
      .filter((shape) => {
        const s = shape.getBoundingClientRect()
        return covers.some((c) => s.left < c.right && c.left < s.right && s.top < c.bottom && c.top < s.bottom)
      })
      .map((shape) => shape.dataset.shapeId!)
  })
}

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  test(`at ${viewport.width}×${viewport.height} with the Versions panel open, zoom to fit (Shift+1) and zoom to selection (Shift+2) leave no shot under the panels`, async ({
    newPerson,
    server,
  }) => {
    const { page } = await onePersonOnBoard(() => newPerson({ viewport }), server.url, 'Fit beside panels')
    for (let i = 0; i < 4; i++) {
      const before = await page.evaluate(() => window.editor?.getSelectedShapeIds() ?? [])
      await page.keyboard.press('Shift+S')
      await expect.poll(() => page.evaluate(() => window.editor?.getSelectedShapeIds() ?? [])).not.toEqual(before)
      await leaveNewShotTitle(page)
    }
    await page.getByTestId('version-panel-toggle').click()
    // Two takes: the panel grows down the left with the tree and the previewed picture.
    await uploadTake(page, 'one.png', [64, 36], [200, 40, 40])
    await uploadTake(page, 'two.png', [64, 36], [40, 200, 40])
    await expect(page.getByTestId('version-details').locator('img')).toHaveJSProperty('complete', true)
    const shots = await shotsOnPage(page)
    expect(shots).toHaveLength(4)

    await page.locator('.tl-container').focus()
    await page.keyboard.press('Shift+1')
    // Every shot on screen (what zoom to fit is for) and none under a panel.
    await expect.poll(() => shotsUnderPanels(page), 'zoom to fit').toEqual([])
    for (const shot of shots) await expect(page.locator(`.tl-shape[data-shape-id="${shot.id}"]`)).toBeInViewport({ ratio: 1 })
    await page.screenshot({ path: test.info().outputPath('zoom-to-fit.png') })

    // Zoom to the selected shot, from far out and from 100%.
    await page.keyboard.press('Shift+0')
    await expect.poll(() => page.evaluate(() => window.editor?.getZoomLevel())).toBe(1)
    // At 100% tldraw's zoom to selection fills the view with it (zooms in), here the view the panels leave.
    await page.keyboard.press('Shift+2')
    const selectedClear = async () => (await page.evaluate(() => window.editor!.getZoomLevel())) > 1.05 && !(await shotsUnderPanels(page)).includes(shots.at(-1)!.id)
    await expect.poll(selectedClear, 'zoom to selection').toBe(true)
    await expect(page.locator(`.tl-shape[data-shape-id="${shots.at(-1)!.id}"]`)).toBeInViewport({ ratio: 1 })
    await page.screenshot({ path: test.info().outputPath('zoom-to-selection.png') })
  })
}
