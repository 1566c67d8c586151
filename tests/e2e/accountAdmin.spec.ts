import { isolatedName } from '@storyloom/shared/api/typedName'
import { adminAndBenWithBoard, createAccount } from './support/accounts'
import { expectCanvasReady } from './support/boardPage'
import { drawRectangle } from './support/drawing'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'

test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

test('the admin deletes an account after a confirmation naming it: its board passes to the admin with its content, its open board says so; a person deletes their own account', async ({ newPerson, server }) => {
  test.setTimeout(180_000) // two canvas loads and three sign-ups, on a busy machine
  // Ben makes a board of his own and draws on it; he keeps it open.
  const { ada, ben } = await adminAndBenWithBoard(newPerson, server.url)
  const rectangle = await drawRectangle(ben, { x: 300, y: 300 }, { x: 480, y: 420 })
  const boardUrl = ben.url()

  const cara = await newPerson()
  await cara.goto(server.url)
  await createAccount(cara, 'Cara', 'cara@example.com')
  await expect(cara.getByRole('heading', { name: 'Boards', exact: true })).toBeVisible()

  // The admin's account menu leads to the server's accounts; hers cannot be deleted.
  await ada.getByRole('button', { name: 'Ada' }).click()
  await ada.getByRole('menuitem', { name: 'Accounts' }).click()
  const accounts = ada.getByRole('list', { name: 'Accounts' })
  await expect(accounts.getByRole('listitem')).toHaveCount(3)
  await expect(accounts.getByRole('listitem', { name: 'Ada' }).getByRole('button', { name: 'Delete…' })).toHaveCount(0)
  await expect(ada.getByText('You are the admin of this server: your account owns every board and cannot be deleted.')).toBeVisible()

  // Deleting Ben's asks first, naming him.
  await accounts.getByRole('listitem', { name: 'Ben' }).getByRole('button', { name: 'Delete…' }).click()
  const confirm = ada.getByRole('group', { name: `Confirm deleting ${isolatedName('Ben')}’s account` })
  await expect(confirm).toContainText('Delete the account of Ben (ben@example.com)? They are signed out at once and cannot sign in again.')
  await ada.screenshot({ path: test.info().outputPath('confirm-delete-ben.png') })
  await confirm.getByRole('button', { name: 'Delete account' }).click()
  await expect(ada.getByRole('status')).toHaveText('Deleted the account of Ben. This board passed to you: Ben’s pitch')
  await expect(accounts.getByRole('listitem')).toHaveCount(2)
  await ada.screenshot({ path: test.info().outputPath('after-delete-ben.png') })

  // Ben's open board tells him at once; his board, with what he drew, is the admin's now.
  await expect(ben.getByRole('heading', { name: 'Your account was deleted' })).toBeVisible()
  await ben.screenshot({ path: test.info().outputPath('ben-account-deleted.png') })
  await ada.getByRole('link', { name: 'Ben’s pitch' }).click()
  await expectCanvasReady(ada)
  expect(ada.url()).toBe(boardUrl)
  await expect.poll(async () => (await shapesOnPage(ada)).map((s) => s.id)).toContain(rectangle.id)

  // Cara, not the admin, sees only her own account, and deletes it.
  await cara.getByRole('button', { name: 'Cara' }).click()
  await cara.getByRole('menuitem', { name: 'Account settings' }).click()
  await expect(cara.getByRole('heading', { name: 'Accounts on this server' })).toHaveCount(0)
  await cara.getByRole('button', { name: 'Delete my account…' }).click()
  const confirmOwn = cara.getByRole('group', { name: `Confirm deleting ${isolatedName('Cara')}’s account` })
  await expect(confirmOwn).toContainText('Delete your account?')
  await confirmOwn.getByLabel('Your password').fill('correct horse battery')
  await cara.getByRole('button', { name: 'Delete account' }).click()
  await expect(cara.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await cara.getByLabel('Email').fill('cara@example.com')
  await cara.getByLabel('Password').fill('correct horse battery')
  await cara.getByRole('button', { name: 'Sign in' }).click()
  await expect(cara.getByRole('alert')).toHaveText('Wrong email or password.')
})
