import { twoPeopleOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { slowedModel } from './support/generationSetup'
import { openGenerationForm, placeShot, selectShot } from './support/shotVersions'

// A run of several takes: the version panel shows each take still rendering as a pending tile
// (its state and progress, as the shot's frame shows its run), for both people, and each tile
// gives way to the take's picture once it lands (not to an empty or black box).

test('takes still rendering show as pending tiles in the version panel for both people, then as their pictures', async ({ newPerson, startGeneration }) => {
  test.setTimeout(180_000)
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Ferry at dawn')
  await placeShot(ada, 'A ferry leaves the harbour at dawn')
  await expect(ben.locator('.shot-panel')).toContainText('A ferry leaves the harbour')
  await selectShot(ben)
  for (const page of [ada, ben]) {
    await page.getByTestId('version-panel-toggle').click()
    await expect(page.getByTestId('version-panel')).toContainText('No takes yet')
  }

  const form = await openGenerationForm(ada)
  await form.getByLabel('Variations').fill('2')
  await form.getByLabel('Steps').fill('12')
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()

  for (const page of [ada, ben]) {
    const panel = page.getByTestId('version-panel')
    const pending = panel.getByTestId('version-pending')
    // Both takes wait: the one rendering says so and shows how far it is.
    await expect(pending).toHaveCount(2)
    await expect(pending.first()).toContainText(/Rendering|Queued/)
    await expect(panel.getByRole('progressbar', { name: 'Take 1 of 2' })).toBeVisible()
    await expect(panel).not.toContainText('No takes yet')
  }
  for (const page of [ada, ben]) {
    const panel = page.getByTestId('version-panel')
    await expect(panel.getByTestId('version-node')).toHaveCount(2, { timeout: 60_000 })
    await expect(panel.getByTestId('version-pending')).toHaveCount(0)
    // Each landed take shows its picture, loaded, with no placeholder left over it.
    const thumbs = panel.getByTestId('version-node').locator('img')
    await expect(thumbs).toHaveCount(2)
    await expect.poll(() => thumbs.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toEqual([true, true])
    await expect(panel.locator('.version-node__placeholder')).toHaveCount(0)
  }
})
