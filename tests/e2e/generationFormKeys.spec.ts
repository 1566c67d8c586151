import { expect, test } from './support/fixtures'
import { onePersonOnBoard } from './support/boardPage'
import { openGenerationForm, placeShot } from './support/shotVersions'
import { slowedModel } from './support/generationSetup'

// The generation form from the keyboard, and its submit button's look.

test.setTimeout(120_000)

test('the generation form submits with Enter in a one-line field and Ctrl+Enter in the prompt, where plain Enter is a new line; Generate is a primary button', async ({
  newPerson,
  startGeneration,
}) => {
  const { url } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, url, 'Keys in the form')
  await ada.setViewportSize({ width: 1280, height: 720 })
  await placeShot(ada, 'A gull lands on the railing')

  let form = await openGenerationForm(ada)
  // Plain Enter in the prompt is a new line; the form stays.
  const prompt = form.getByLabel('Shot 1')
  await prompt.press('End')
  await prompt.press('Enter')
  await prompt.pressSequentially('Grey morning light.')
  await expect(prompt).toHaveValue(/railing.*\nGrey morning light\.$/su)
  await expect(form).toBeVisible()

  // Enter in a one-line field (Steps) starts the generation.
  await form.getByLabel('Steps').fill('2')
  await form.getByLabel('Steps').press('Enter')
  await expect(form).toBeHidden()
  await expect(ada.locator('.tlui-toast__title', { hasText: 'Generation started' })).toBeVisible()

  // Ctrl+Enter in the prompt too.
  form = await openGenerationForm(ada)
  await form.getByLabel('Steps').fill('2')
  await form.getByLabel('Shot 1').press('Control+Enter')
  await expect(form).toBeHidden()

  form = await openGenerationForm(ada)
  const submit = form.getByTestId('generation-submit')
  // The submit looks like the app's other primary buttons (filled in the accent colour), not a link.
  const accent = await ada.evaluate(() => {
    const probe = document.createElement('span')
    probe.style.color = 'var(--accent)'
    document.body.append(probe)
    const colour = getComputedStyle(probe).color
    probe.remove()
    return colour
  })
  await expect(submit).toHaveCSS('background-color', accent)
  await expect(submit).toHaveAttribute('type', 'submit')
  await ada.screenshot({ path: test.info().outputPath('generation-form.png') })
})
