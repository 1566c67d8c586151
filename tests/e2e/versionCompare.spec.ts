import type { Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { theShot, uploadTake, versionNode as node } from './support/shotVersions'

/** A shot with the versions panel open and two uploaded takes, A (red) then B (green, active). */
async function shotWithTwoTakes(page: Page): Promise<{ a: string; b: string }> {
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(700, 300)
  await page.getByTestId('version-panel-toggle').click()
  await uploadTake(page, 'a.png', [64, 36], [200, 40, 40])
  const a = (await theShot(page)).props.activeVersionId!
  await uploadTake(page, 'b.png', [64, 36], [40, 200, 40])
  return { a, b: (await theShot(page)).props.activeVersionId! }
}

/**
 * A label typed as one long word (a file name, a link, a client's reference code) once widened
 * the comparison past the screen: take A squeezed to a sliver, take B and the settings beside
 * them off the right edge, the dialog scrolling sideways. Captions and settings now wrap inside
 * their halves, and the two takes share the width evenly.
 */
test('at 1366×768 and 1280×720 two takes with long one-word labels compare side by side, each half as wide, the settings on screen', async ({
  newPerson,
  server,
}) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Long labels')
  await page.setViewportSize({ width: 1366, height: 768 })
  const { a, b } = await shotWithTwoTakes(page)
  for (const [id, name] of [[a, 'hero_wide_dawn_'], [b, 'client_pick_v3_']] as const) {
    await node(page, id).click()
    const label = page.getByTestId('version-details').getByRole('textbox', { name: 'Label' })
    await label.fill(name.repeat(12))
    await label.press('Enter')
    await expect(node(page, id)).toContainText(name)
  }

  await node(page, a).click()
  await node(page, b).click({ modifiers: ['Shift'] })
  const compare = page.getByTestId('version-compare')
  await expect(compare).toBeVisible()
  for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size)
    const at = `${size.width}×${size.height}`
    await expect(compare).toContainText('client_pick_v3_')
    expect(await compare.evaluate((el) => el.scrollWidth - el.clientWidth), `the comparison scrolls sideways at ${at}`).toBe(0)
    const [left, right] = await compare.locator('.version-compare__side figure').evaluateAll((figures) => figures.map((f) => f.getBoundingClientRect().width))
    expect(Math.abs(left! - right!), `takes A and B share the width at ${at} (${left} vs ${right})`).toBeLessThan(2)
    const settings = (await compare.locator('.version-params').boundingBox())!
    expect(settings.x + settings.width, `the settings end on screen at ${at}`).toBeLessThanOrEqual(size.width)
    await page.screenshot({ path: test.info().outputPath(`compare-${size.width}.png`) })
  }
})

/**
 * The comparison covers the whole board (aria-modal), yet the keyboard stayed on the take or
 * button that opened it: Tab walked on through the versions panel and the canvas hidden behind
 * it. It now takes the keyboard, keeps Tab among its own controls, and gives it back on close.
 */
test('the comparison takes the keyboard when it opens, keeps Tab inside, and gives it back to Compare with active on Escape', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Compare keys')
  const { a } = await shotWithTwoTakes(page)
  await node(page, a).click()
  const compareWithActive = page.getByTestId('version-panel').getByRole('button', { name: 'Compare with active' })
  await compareWithActive.focus()
  await page.keyboard.press('Enter')

  const compare = page.getByTestId('version-compare')
  await expect(compare.getByRole('tab', { name: 'Side by side' })).toBeFocused()
  const focusInside = () => compare.evaluate((el) => el.contains(document.activeElement))
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab')
    expect(await focusInside(), `Tab ${i + 1} stays in the comparison`).toBe(true)
  }
  await compare.getByRole('tab', { name: 'Side by side' }).focus()
  await page.keyboard.press('Shift+Tab')
  await expect(compare.getByRole('button', { name: 'Close comparison' })).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(compare).toHaveCount(0)
  await expect(compareWithActive).toBeFocused()
})
