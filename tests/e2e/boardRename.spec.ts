import type { Page } from '@playwright/test'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { createAccount, createBoardWithInvite } from './support/accounts'
import { expectCanvasReady, twoPeopleOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'

/** The board's name in its title, as a button (for those who may rename it) or as plain text. */
const titleName = (page: Page) => page.getByRole('navigation', { name: 'Board' }).locator('.board-title__name')
const nameField = (page: Page) => page.getByRole('textbox', { name: 'Board name' })

test('a board renamed in place from its title shows its new name live to everyone; Escape cancels, a bad name is refused', async ({ newPerson, server }) => {
  // Two people and several round trips to the server: on a busy machine it outlasts the default timeout.
  test.slow()
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Storm sequence')
  await expect(titleName(ben)).toHaveText('Storm sequence')

  // A click on the name makes it a field with the whole name selected: typing replaces it.
  await titleName(ada).click()
  await expect(nameField(ada)).toBeFocused()
  expect(await nameField(ada).evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart!, input.selectionEnd!))).toBe('Storm sequence')
  await ada.keyboard.type('Storm sequence, v2')
  await ada.keyboard.press('Enter')

  for (const page of [ada, ben]) {
    await expect(titleName(page)).toHaveText('Storm sequence, v2')
    await expect(page).toHaveTitle(`${isolatedName('Storm sequence, v2')} · Storyloom`)
  }
  // The keyboard is back on the name, whose Enter opens the field again.
  await expect(titleName(ada)).toBeFocused()

  // Escape puts the name back as it was, for everyone.
  await ada.keyboard.press('Enter')
  await nameField(ada).fill('Never saved')
  await ada.keyboard.press('Escape')
  await expect(nameField(ada)).toHaveCount(0)
  await expect(titleName(ada)).toHaveText('Storm sequence, v2')
  await expect(titleName(ada)).toBeFocused()

  // A right-to-left override ("Storm \u202eqes" shows as "Storm seq") is refused as on the home
  // page, saying why; the field stays for a fix, and Escape keeps the old name.
  await titleName(ada).click()
  await nameField(ada).fill('Storm \u202eqes')
  await ada.keyboard.press('Enter')
  await expect(ada.getByRole('alert')).toHaveText(/must not contain characters that reorder text \(bidirectional overrides, embeddings or isolates\)/i)
  await expect(nameField(ada)).toHaveAttribute('aria-invalid', 'true')
  await ada.keyboard.press('Escape')
  await expect(ada.getByRole('alert')).toHaveCount(0)

  // Leaving the field saves, as Enter does.
  await titleName(ada).click()
  await nameField(ada).fill('Storm sequence, final')
  await ada.locator('.tl-canvas').click({ position: { x: 400, y: 400 } })
  for (const page of [ada, ben]) await expect(titleName(page)).toHaveText('Storm sequence, final')
})

test.describe('with accounts', () => {
  test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

  test('only editors and owners can rename a board from its title; a viewer sees its name as plain text until made an editor', async ({ newPerson, server }) => {
    test.slow()
    const ada = await newPerson()
    await ada.goto(server.url)
    await createAccount(ada, 'Ada', 'ada@example.com')
    const link = await createBoardWithInvite(ada, 'Quiet', 'viewer')
    await ada.getByRole('button', { name: 'Done' }).click()
    await expect(ada.getByRole('button', { name: 'Quiet' })).toBeVisible()

    const ben = await newPerson()
    await ben.goto(link)
    await createAccount(ben, 'Ben', 'ben@example.com')
    await expectCanvasReady(ben)
    await expect(ben.getByTestId('view-only-badge')).toHaveText('View only')
    await expect(titleName(ben)).toHaveText('Quiet')
    await expect(ben.getByRole('navigation', { name: 'Board' }).getByRole('button')).toHaveCount(0)
    await titleName(ben).click()
    await expect(nameField(ben)).toHaveCount(0)

    // Made an editor, his title turns editable at once, and his rename reaches Ada.
    await ada.getByRole('button', { name: 'Share' }).click()
    await ada.getByLabel(`Role of ${isolatedName('Ben')}`).selectOption('editor')
    await ada.getByRole('button', { name: 'Done' }).click()
    await ben.getByRole('button', { name: 'Quiet' }).click()
    await nameField(ben).fill('Quiet, renamed by Ben')
    await ben.keyboard.press('Enter')
    await expect(titleName(ada)).toHaveText('Quiet, renamed by Ben')
  })
})
