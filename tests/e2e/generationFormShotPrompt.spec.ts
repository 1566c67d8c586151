import { twoPeopleOnBoard } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { openGenerationForm, placeShot, selectShot } from './support/shotVersions'

test('an open generation form keeps what its author typed, and offers "Reset from shot" with the action someone else wrote meanwhile', async ({
  newPerson,
  server,
}) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Prompt from the shot')
  await placeShot(ada, 'A lamplighter walks the quay at dusk')
  await expect.poll(async () => (await shotsOnPage(ben)).map((s) => (s.props as { action?: string }).action)).toEqual(['A lamplighter walks the quay at dusk'])

  const form = await openGenerationForm(ada)
  const prompt = form.getByLabel('Shot 1')
  await expect(prompt).toHaveValue(/^A lamplighter walks the quay at dusk/u)
  const reset = form.getByRole('button', { name: 'Reset from shot' })
  await expect(reset).toHaveCount(0)

  // Ben rewrites the shot's action while Ada's form is open.
  await selectShot(ben)
  await ben.getByTestId('shot-inspector').getByLabel('Action').fill('The lamplighter runs from the tide')
  await expect(reset).toBeVisible()
  await expect(prompt, 'what Ada has is hers until she asks').toHaveValue(/^A lamplighter walks the quay at dusk/u)

  await reset.click()
  await expect(prompt).toHaveValue(/^The lamplighter runs from the tide/u)
  await expect(reset).toHaveCount(0)
})
