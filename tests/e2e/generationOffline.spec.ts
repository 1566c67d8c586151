import { expect, test } from './support/fixtures'
import { expectConnection, onePersonOnBoard } from './support/boardPage'
import { placeShot, selectShot } from './support/shotVersions'
import { slowedModel } from './support/generationSetup'

test.setTimeout(120_000)

test('offline, the generation form says generating needs the connection (not that no worker runs), and generates once it is back', async ({ newPerson, startGeneration }) => {
  const { url } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, url, 'Generating offline')
  await placeShot(ada, 'A gull lands on the railing')

  await ada.context().setOffline(true)
  await expectConnection(ada, 'offline')
  await selectShot(ada)
  await ada.keyboard.press('Shift+G')
  const form = ada.getByTestId('generation-form')
  await expect(form).toContainText('You are offline: generating needs the connection to the Storyloom server.')

  await form.getByRole('button', { name: 'Generate 1 image' }).click()
  await expect(form.getByRole('alert')).toContainText('Generating needs the connection')
  await expect(form).not.toContainText('worker is running')
  await expect(form).toBeVisible()

  // Back online, the same form finds the models and starts the generation.
  await ada.context().setOffline(false)
  await expectConnection(ada, 'connected')
  await expect(form.getByLabel('Model')).toContainText('built-in')
  await form.getByRole('button', { name: 'Generate 1 image' }).click()
  await expect(form).toBeHidden()
  await expect(ada.locator('.tlui-toast__title', { hasText: 'Generation started' })).toBeVisible()
})
