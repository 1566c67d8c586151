import { createAccount } from './support/accounts'
import { expectCanvasReady } from './support/boardPage'
import { drawRectangle } from './support/drawing'
import { expect, test } from './support/fixtures'

test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

test('the Share dialog gives the keyboard back to its button on close, and Escape closes only the dialog', async ({ newPerson, server }) => {
  const page = await newPerson()
  await page.goto(server.url)
  await createAccount(page, 'Ada', 'ada@example.com')
  await page.getByLabel('New board').fill('Dialog focus')
  await page.getByRole('button', { name: 'Create board' }).click()
  await expectCanvasReady(page)
  await drawRectangle(page, { x: 400, y: 300 }, { x: 520, y: 380 })
  await expect.poll(() => page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)

  const share = page.getByRole('button', { name: 'Share' })
  const dialog = page.getByRole('dialog')
  // Opened from the keyboard, closed with Escape: back on Share, and the rectangle still selected.
  await share.focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('list', { name: 'Members' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)
  await expect(share).toBeFocused()

  // Opened with a click, closed with its Close button: back on Share as well.
  await share.click()
  await expect(dialog.getByRole('list', { name: 'Members' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(share).toBeFocused()
})
