import { onePersonOnBoard } from './support/boardPage'
import { dropFile } from './support/media'
import { solidPng } from './support/pngImage'
import { expect, test } from './support/fixtures'
import { openGenerationForm, placeShot } from './support/shotVersions'
import { roleTag } from './support/referenceTags'
import { slowedModel } from './support/generationSetup'

test('a reference still uploading when the form opens says so, holds the generation back, and is used once it lands', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Slow upload')
  await placeShot(ada, 'A market street at noon')

  // The upload is held until the form is open, as on a slow connection.
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await ada.route('**/api/boards/*/assets', async (route) => {
    await released
    await route.continue()
  })
  await dropFile(ada, { name: 'palette.png', mimeType: 'image/png', buffer: solidPng(160, 90, [230, 120, 30]) }, { x: 520, y: 310 })
  await expect(roleTag(ada)).toHaveText('Style')
  const form = await openGenerationForm(ada)
  const chip = form.getByTestId('generation-reference')
  await expect(chip).toContainText('Style — still uploading')

  // Generating now would leave the picture out without a word: the form says why it waits.
  await form.getByTestId('generation-submit').click()
  const refusal = form.getByRole('alert')
  await expect(refusal).toContainText('still uploading')
  // Beside the checkbox at the foot of the body, scrolled to: not left under the footer.
  await expect(refusal).toBeInViewport({ ratio: 0.9 })
  await expect(form).toBeVisible()

  release()
  await expect(chip).toContainText('Style → image prompt')
  await expect(chip.getByLabel('Style reference weight')).toHaveValue('0.8')
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()
  await expect(ada.locator('.shot-panel')).toContainText('Built-in model', { timeout: 60_000 })
})
