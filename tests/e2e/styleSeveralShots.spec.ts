import { onePersonOnBoard } from './support/boardPage'
import { drawRectangle } from './support/drawing'
import { expect, test } from './support/fixtures'

/**
 * With several shots selected tldraw's style panel had nothing to offer but its opacity slider,
 * alone and unlabelled on screen: shots have no tldraw styles, and one shot's panel (the
 * inspector) has no opacity either. Only where a selected shape has styles does the panel show.
 */
test('with several shots selected no lone opacity slider shows; adding a rectangle to the selection brings its styles back', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Four shots')
  await page.setViewportSize({ width: 1440, height: 900 })
  for (const x of [200, 480, 760, 1040]) {
    await page.getByTestId('tools.shot').click()
    await page.mouse.click(x, 250)
    await expect(page.getByRole('region', { name: 'Shot inspector' })).toBeVisible()
  }
  await page.getByTestId('canvas').focus()
  await page.keyboard.press('ControlOrMeta+a')
  await expect.poll(() => page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(4)
  await expect(page.getByRole('region', { name: 'Shot inspector' })).toBeHidden()
  await expect(page.getByTestId('style.panel')).toBeHidden()
  await expect(page.getByRole('slider', { name: /Opacity/u })).toHaveCount(0)

  // A rectangle among them: its styles (and opacity) are there to use.
  await drawRectangle(page, { x: 300, y: 550 }, { x: 420, y: 620 })
  await page.getByTestId('canvas').focus()
  await page.keyboard.press('ControlOrMeta+a')
  await expect.poll(() => page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(5)
  await expect(page.getByTestId('style.panel')).toBeVisible()
  await expect(page.getByRole('slider', { name: /Opacity/u })).toBeVisible()
})
