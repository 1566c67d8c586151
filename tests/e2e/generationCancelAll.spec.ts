import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { openGenerationForm as openForm, placeShot } from './support/shotVersions'
import { slowedModel } from './support/generationSetup'

// Three runs of one shot queue behind each other: a Cancel that stopped only the running one let
// the next start at once, as if Cancel had not worked.
test('the author of several runs of a shot cancels the running one, then all the rest, each after a question', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Many takes')
  await placeShot(ada, 'A kite rises over the dunes')
  for (let run = 0; run < 3; run++) {
    const form = await openForm(ada)
    await form.getByLabel('Steps').fill('40')
    await form.getByTestId('generation-submit').click()
    await expect(form).toBeHidden()
  }
  const status = ada.locator('.shot-panel').getByTestId('shot-generation-status')
  await expect(status).toContainText('+2 waiting')
  await expect(status).toContainText(/Step \d+ of 40/u)
  const cancelAll = status.getByRole('button', { name: 'Cancel all 3', exact: true })
  await expect(cancelAll).toBeVisible()

  // Cancel asks first; Keep leaves everything running.
  await status.getByRole('button', { name: 'Cancel', exact: true }).click()
  let question = status.getByRole('alertdialog')
  await expect(question).toContainText('Cancel the running one? Your 2 others for this shot will still run.')
  await question.getByRole('button', { name: 'Keep' }).click()
  await expect(question).toHaveCount(0)
  await expect(status).toContainText('+2 waiting')

  // Cancel, confirmed: the running one stops and the next one comes up; two remain to cancel.
  await status.getByRole('button', { name: 'Cancel', exact: true }).click()
  await status.getByRole('alertdialog').getByRole('button', { name: 'Cancel it' }).click()
  await expect(status).toContainText('+1 waiting')
  await expect(status.getByRole('button', { name: 'Cancel all 2', exact: true })).toBeVisible()

  // Cancel all, confirmed: nothing of Ada's runs any more on the shot.
  await status.getByRole('button', { name: 'Cancel all 2', exact: true }).click()
  question = status.getByRole('alertdialog')
  await expect(question).toContainText('Cancel all 2 of your generations for this shot? Takes already made are kept.')
  await question.getByRole('button', { name: 'Cancel all 2' }).click()
  await expect(status).toHaveCount(0)
  await ada.getByRole('button', { name: /^Queue/u }).click()
  const rows = ada.getByTestId('generation-queue').getByTestId('queue-row')
  await expect(rows).toHaveCount(3)
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText('Canceled')
})
