import type { Locator, Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { openGenerationForm, placeShot, selectShot, uploadTake } from './support/shotVersions'

/** The caret sits at the end of the field's text, with nothing selected. */
async function expectCaretAtEnd(field: Locator): Promise<void> {
  const caret = await field.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el.value.length])
  expect(caret[0]).toBe(caret[2])
  expect(caret[1]).toBe(caret[2])
}

/** The shot's prompt field in the open form. */
function promptOf(page: Page): Locator {
  return page.getByTestId('generation-form').getByLabel('Shot 1')
}

test('the generate form opens with the keyboard in the prompt, caret at its end, and gives the keyboard back to what opened it', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Form focus')
  const action = 'A lamplighter walks the quay at dusk'
  await placeShot(page, action)

  // Shift+G on the canvas: typing goes straight into the prompt, after the prefilled text.
  await selectShot(page)
  const opener = await page.evaluate(() => document.activeElement?.className ?? '')
  const form = await openGenerationForm(page)
  await expect(promptOf(page)).toBeFocused()
  await expect(promptOf(page)).toHaveValue(new RegExp(`^${action}`, 'u'))
  await expectCaretAtEnd(promptOf(page))
  await page.keyboard.press('Escape')
  await expect(form).toBeHidden()
  await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toBe(opener)
  // Escape closed the form only: the shot is still selected.
  expect(await page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)

  // "Iterate from here" pressed from the keyboard: the prompt has the keyboard, and closing
  // the form puts it back on the button.
  await page.getByTestId('version-panel-toggle').click()
  await uploadTake(page, 'take.png', [64, 36], [40, 90, 160])
  await page.getByTestId('version-node').first().click()
  const iterate = page.getByTestId('version-details').getByRole('button', { name: 'Iterate from here' })
  await iterate.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('generation-form')).toBeVisible()
  await expect(promptOf(page)).toBeFocused()
  await expectCaretAtEnd(promptOf(page))
  await page.getByTestId('generation-form').screenshot({ path: test.info().outputPath('iterate-form-focus.png') })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('generation-form')).toBeHidden()
  await expect(iterate).toBeFocused()
})
