import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { leaveNewShotTitle } from './support/sequenceStrip'
import { selectedClearOfPanel, selectedIds as selected } from './support/shotVersions'

test('a new shot named right away (Shift+S, Escape) ends clear of the Versions panel that grows once its takes are read', async ({
  newPerson,
  server,
}) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Reveal while takes load')
  await page.setViewportSize({ width: 1024, height: 768 })
  const panel = page.getByTestId('version-panel')
  await page.keyboard.press('Shift+S')
  await leaveNewShotTitle(page)
  const [first] = await selected(page)
  await page.getByTestId('version-panel-toggle').click()
  await expect(panel).toContainText('No takes yet')

  // The shots' takes are read slowly from here on: held until released.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/boards/*/shots/*/versions*', async (route) => {
    await held
    await route.continue()
  })
  // The shot scrolled up out of view, so the next one comes into view from the top: just below the panel while it reads.
  await page.mouse.move(700, 400)
  await page.mouse.wheel(0, 900)
  await expect.poll(async () => (await page.locator(`.tl-shape[data-shape-id="${first}"]`).boundingBox())?.y ?? 0).toBeLessThan(0)
  await page.locator('.tl-container').focus()
  const before = await selected(page)
  await page.keyboard.press('Shift+S')
  await expect.poll(() => selected(page)).not.toEqual(before)
  // The writer names the shot (here: leaves its title) before the panel has its takes.
  await page.getByLabel('Shot title').pressSequentially('Quay')
  await leaveNewShotTitle(page)
  await expect(panel).not.toContainText('No takes yet')
  await expect.poll(() => selectedClearOfPanel(page), 'while the takes are read').toBe(true)
  const reading = (await panel.boundingBox())!

  release()
  await expect(panel).toContainText('No takes yet')
  expect((await panel.boundingBox())!.height, 'the panel grew once the takes were read').toBeGreaterThan(reading.height)
  await expect.poll(() => selectedClearOfPanel(page), 'once the takes were read').toBe(true)
  await page.screenshot({ path: test.info().outputPath('reveal-after-takes-read.png') })
})
