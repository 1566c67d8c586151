import type { Page } from '@playwright/test'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { signIn, signUp, signUpWithBoard } from './support/accounts'
import { expectCanvasReady, expectConnection } from './support/boardPage'
import { expect, test } from './support/fixtures'

test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

const OLD = 'correct horse battery'
const NEW = 'staple battery horse correct'

async function openAccountPage(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByRole('menuitem', { name: 'Account settings' }).click()
  await expect(page.getByRole('heading', { name: 'Account', exact: true })).toBeVisible()
}

test('a person changes their password: their other browser is signed out at once, the old password stops working; deleting the account asks for the password', async ({ newPerson, server }) => {
  test.setTimeout(180_000) // two canvas loads and several password hashes, on a busy machine
  await signUp(server.url, 'Admin') // the first account is the admin's, which cannot be deleted

  // Ben signs up here, and is signed in on a board in another browser too.
  const ben = await newPerson()
  await signUpWithBoard(ben, server.url, { name: 'Ben', email: 'ben@example.com' }, 'Ben’s pitch')
  const boardUrl = ben.url()
  const elsewhere = await newPerson()
  await elsewhere.goto(server.url)
  await signIn(elsewhere, 'ben@example.com', OLD)
  await expect(elsewhere.getByRole('heading', { name: 'Boards', exact: true })).toBeVisible()
  await elsewhere.goto(boardUrl)
  await expectCanvasReady(elsewhere)
  await expectConnection(elsewhere, 'connected')

  await ben.goto(server.url)
  await openAccountPage(ben, 'Ben')
  const form = ben.getByRole('form', { name: 'Change password' })
  const current = form.getByLabel('Current password')
  const next = form.getByLabel(/^New password/)
  const repeated = form.getByLabel('Confirm new password')
  // Password managers fill the right fields.
  await expect(current).toHaveAttribute('autocomplete', 'current-password')
  await expect(next).toHaveAttribute('autocomplete', 'new-password')
  await expect(repeated).toHaveAttribute('autocomplete', 'new-password')

  // New passwords that differ are refused in the form; a wrong current password by the server.
  await current.fill(OLD)
  await next.fill(NEW)
  await repeated.fill(`${NEW}!`)
  await form.getByRole('button', { name: 'Change password' }).click()
  await expect(form.getByRole('alert')).toHaveText('The new passwords do not match.')
  await current.fill('not my password')
  await repeated.fill(NEW)
  await form.getByRole('button', { name: 'Change password' }).click()
  await expect(form.getByRole('alert')).toHaveText('Wrong current password: your password was not changed.')
  await expect(elsewhere.getByRole('heading', { name: 'You were signed out' })).toHaveCount(0)

  await current.fill(OLD)
  await form.getByRole('button', { name: 'Change password' }).click()
  await expect(form.getByRole('status')).toHaveText('Password changed. Your other sessions were signed out.')
  await expect(current).toHaveValue('')
  await expect(next).toHaveValue('')
  await expect(repeated).toHaveValue('')
  await ben.screenshot({ path: test.info().outputPath('password-changed.png') })

  // The other browser's open board says it was signed out; this one stays signed in.
  await expect(elsewhere.getByRole('heading', { name: 'You were signed out' })).toBeVisible()
  await expect(elsewhere.getByText('The password of your account was changed in another session.')).toBeVisible()
  await elsewhere.goto(server.url)
  await expect(elsewhere.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await ben.reload()
  await expect(ben.getByRole('heading', { name: 'Account', exact: true })).toBeVisible()

  // Signed out, the old password is refused and the new one works.
  await ben.getByRole('button', { name: 'Ben' }).click()
  await ben.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(ben.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await signIn(ben, 'ben@example.com', OLD)
  await expect(ben.getByRole('alert')).toHaveText('Wrong email or password.')
  await signIn(ben, 'ben@example.com', NEW)
  // Signed in again where he was: the Account page.
  await expect(ben.getByText('Signed in as Ben (ben@example.com).')).toBeVisible()

  // Deleting his account asks for the password; a wrong one deletes nothing.
  await ben.getByRole('button', { name: 'Delete my account…' }).click()
  const confirm = ben.getByRole('group', { name: `Confirm deleting ${isolatedName('Ben')}’s account` })
  const password = confirm.getByLabel('Your password')
  await expect(password).toHaveAttribute('autocomplete', 'current-password')
  await password.fill(OLD)
  await confirm.getByRole('button', { name: 'Delete account' }).click()
  await expect(ben.getByRole('alert')).toHaveText('Wrong password: your account was not deleted.')
  await ben.screenshot({ path: test.info().outputPath('delete-wrong-password.png') })
  await ben.reload()
  await expect(ben.getByRole('heading', { name: 'Account', exact: true })).toBeVisible()
  await ben.getByRole('button', { name: 'Delete my account…' }).click()
  await confirm.getByLabel('Your password').fill(NEW)
  await confirm.getByRole('button', { name: 'Delete account' }).click()
  await expect(ben.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await signIn(ben, 'ben@example.com', NEW)
  await expect(ben.getByRole('alert')).toHaveText('Wrong email or password.')
})
