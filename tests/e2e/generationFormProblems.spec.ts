import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { openGenerationForm, placeShot } from './support/shotVersions'

test('a refused number in the generate form is its field’s description, the field marked invalid', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Form problems')
  await placeShot(page, 'A gull on a post')
  const form = await openGenerationForm(page)
  await form.getByLabel('Variations').fill('9')
  await form.getByLabel('Steps').fill('500')
  await form.getByLabel('Seed mode').selectOption('fixed')
  await form.getByLabel('Seed value').fill('99999999999999999999')
  await form.getByTestId('generation-submit').click()

  // A screen reader hears the message after the field's name (which stays the label alone).
  const variations = form.getByRole('spinbutton', { name: 'Variations', exact: true })
  await expect(variations).toHaveAccessibleDescription('Variations: 1 to 4 per shot.')
  await expect(variations).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByLabel('Seed value')).toHaveAccessibleDescription('Seed: a whole number from 0 to 4294967295.')
  await expect(form.getByLabel('Seed value')).toHaveAttribute('aria-invalid', 'true')
  const steps = form.getByRole('spinbutton', { name: 'Steps', exact: true })
  await expect(steps).toHaveAccessibleDescription(/^Steps: /u)
  await expect(steps).toHaveAttribute('aria-invalid', 'true')
  const guidance = form.getByRole('spinbutton', { name: 'Guidance', exact: true })
  await expect(guidance).toHaveAccessibleDescription('')
  await expect(guidance).not.toHaveAttribute('aria-invalid')
})

test('a pasted prompt or negative prompt over 2000 characters is kept whole and said how much to cut, never cut silently', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Long prompts')
  await placeShot(page, 'A gull on a post')
  const form = await openGenerationForm(page)
  const prompt = form.locator('textarea.generation-form__prompt')
  const negative = form.getByPlaceholder(/^What to keep out/u)
  // fill() inserts the text as a paste does (maxlength would cut it, as it cut a real paste).
  await prompt.fill('a gull over the pier, '.repeat(100))
  await negative.fill('x'.repeat(2050))
  await expect(prompt).toHaveValue('a gull over the pier, '.repeat(100))
  await expect(negative).toHaveValue('x'.repeat(2050))
  // Said at once, before any submit, beside each field.
  await expect(prompt).toHaveAccessibleDescription('At most 2000 characters: this prompt has 2199. Shorten it by 199.')
  await expect(negative).toHaveAccessibleDescription('At most 2000 characters: this negative prompt has 2050. Shorten it by 50.')
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeVisible()
  await expect(negative).toHaveAttribute('aria-invalid', 'true')
  // Cut to the limit, the note goes and the form can start.
  await negative.fill('x'.repeat(2000))
  await expect(negative).toHaveAccessibleDescription('')
})
