import { onePersonOnBoard, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { slowedModel } from './support/generationSetup'
import { openGenerationForm, placeShot } from './support/shotVersions'

test('a generation started in one tab can be canceled from another tab of the same browser, without a reload', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { page: first, url } = await onePersonOnBoard(newPerson, serverUrl, 'Two tabs')
  await placeShot(first, 'A ferry leaves at dawn')
  // The same person's second tab on the board, open before the generation starts.
  const second = await first.context().newPage()
  await openBoard(second, url)
  await expect(second.locator('.shot-panel')).toContainText('A ferry leaves at dawn')

  const form = await openGenerationForm(first)
  await form.getByLabel('Steps').fill('100')
  await form.getByTestId('generation-submit').click()
  await expect(second.locator('.shot-panel').getByTestId('shot-generation-status')).toBeVisible()
  await second.locator('.shot-panel').getByRole('button', { name: 'Cancel' }).click()
  await second.getByRole('button', { name: /^Queue/u }).click()
  await expect(second.getByTestId('generation-queue').getByTestId('queue-row')).toContainText('Canceled')
  await first.getByRole('button', { name: /^Queue/u }).click()
  await expect(first.getByTestId('generation-queue').getByTestId('queue-row')).toContainText('Canceled')
})
