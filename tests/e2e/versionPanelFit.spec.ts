import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { theShot, uploadTake, versionNode as node } from './support/shotVersions'

/**
 * On a laptop screen the versions panel fits its space: the tree of takes scrolls inside itself
 * and the previewed take's actions stay on screen, so nothing in the panel needs the panel itself
 * scrolled to be seen (the last row once sat below the panel's edge at 1440×900).
 */
test('at 1440×900 and 1280×720 the versions panel shows the newest take and the take actions without scrolling the panel', async ({
  newPerson,
  server,
}) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Laptop takes')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(700, 300)
  await page.getByTestId('version-panel-toggle').click()
  const panel = page.getByTestId('version-panel')
  const colours: [number, number, number][] = [[200, 40, 40], [40, 200, 40], [40, 40, 200], [200, 200, 40]]
  for (const [i, colour] of colours.entries()) await uploadTake(page, `take-${i}.png`, [64, 36], colour)
  const newest = (await theShot(page)).props.activeVersionId!
  const first = (await page.getByTestId('version-node').first().getAttribute('data-version-id'))!
  const panelScrolls = () => panel.evaluate((el) => el.scrollHeight > el.clientHeight + 1)

  for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size)
    const at = `${size.width}×${size.height}`
    await node(page, newest).click()
    await expect(node(page, newest), `the newest take at ${at}`).toBeInViewport({ ratio: 1 })
    await expect(panel.getByRole('button', { name: 'Delete', exact: true }), `Delete at ${at}`).toBeInViewport({ ratio: 1 })
    expect(await panelScrolls(), `the panel itself scrolls at ${at}`).toBe(false)
    const toolbar = (await page.locator('.tlui-main-toolbar').boundingBox())!
    const box = (await panel.boundingBox())!
    expect(box.y + box.height, `the panel ends above the toolbar at ${at}`).toBeLessThanOrEqual(toolbar.y)

    // Previewing the first take brings more actions (Compare with active…): still all on screen.
    await node(page, first).click()
    await expect(panel.getByTestId('version-details')).toHaveAttribute('data-version-id', first)
    await expect(node(page, first), `the first take at ${at}`).toBeInViewport({ ratio: 1 })
    await expect(panel.getByRole('button', { name: 'Compare with active' }), `Compare at ${at}`).toBeInViewport({ ratio: 1 })
    expect(await panelScrolls(), `the panel itself scrolls with a take previewed at ${at}`).toBe(false)
    await page.screenshot({ path: test.info().outputPath(`versions-${size.width}.png`) })
  }
})
