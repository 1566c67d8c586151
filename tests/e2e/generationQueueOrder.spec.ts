import { twoPeopleOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { slowedModel } from './support/generationSetup'
import { openGenerationForm, placeShot } from './support/shotVersions'

test('the queue says why a generation started later waits ahead of an earlier one: people take turns', async ({ newPerson, startGeneration }) => {
  const { url } = await startGeneration('embedded', slowedModel())
  const { ada, ben } = await twoPeopleOnBoard(newPerson, url, 'Turns')
  await placeShot(ada, 'Rain on the harbour wall')
  await expect(ben.locator('.shot-panel')).toContainText('Rain on the harbour wall')

  // Ada starts a long run, then a second one, which waits.
  let form = await openGenerationForm(ada)
  await form.getByLabel('Steps').fill('100')
  await form.getByTestId('generation-submit').click()
  await expect(ada.locator('.shot-panel').getByTestId('shot-generation-status')).toBeVisible()
  form = await openGenerationForm(ada)
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()
  const queue = ada.getByTestId('generation-queue')
  await ada.getByRole('button', { name: /^Queue/u }).click()
  await expect(queue.getByTestId('queue-row')).toHaveCount(2)
  // One person's generations in the order they were started: nothing to explain.
  await expect(queue.locator('.generation-queue__order')).toHaveCount(0)

  // Ben's one generation, started after Ada's second, goes ahead of it, and the queue says why.
  form = await openGenerationForm(ben)
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()
  const rows = queue.getByTestId('queue-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(1)).toContainText('Queued · #1')
  await expect(rows.nth(1).getByTestId('queue-author')).not.toContainText('(you)')
  await expect(rows.nth(2)).toContainText('Queued · #2')
  await expect(rows.nth(2).getByTestId('queue-author')).toContainText('(you)')
  await expect(queue.locator('.generation-queue__order')).toHaveText('People take turns: someone’s one generation can start before another’s batch.')
})
