import { adminAndBenWithBoard, signIn } from './support/accounts'
import { expect, test } from './support/fixtures'

test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

const OLD = 'correct horse battery'
const NEW = 'staple battery horse correct'

test('the admin makes a password reset link; the person sets a new password with it and is signed in, their old session ends, the old password stops working, and the link works once', async ({ newPerson, server }) => {
  test.setTimeout(180_000) // a canvas load and several password hashes, on a busy machine
  // Ben has a board open in one browser; he forgot his password.
  const { ada, ben: benBefore } = await adminAndBenWithBoard(newPerson, server.url)

  // The admin makes a reset link for Ben on the Accounts page (none for herself: she has Change password).
  await ada.getByRole('button', { name: 'Ada' }).click()
  await ada.getByRole('menuitem', { name: 'Accounts' }).click()
  const accounts = ada.getByRole('list', { name: 'Accounts' })
  await expect(accounts.getByRole('listitem', { name: 'Ada' }).getByRole('button', { name: 'Reset link' })).toHaveCount(0)
  await accounts.getByRole('listitem', { name: 'Ben' }).getByRole('button', { name: 'Reset link' }).click()
  const field = accounts.getByRole('textbox', { name: 'Password reset link for Ben' })
  await expect(field).toHaveValue(new RegExp(`^${server.url}/reset-password#[A-Za-z0-9_-]{43}$`))
  await expect(accounts.getByRole('button', { name: 'Copy' })).toBeVisible()
  await expect(accounts.getByText(/^Works once, until .+\. Send it to Ben yourself/)).toBeVisible()
  await ada.screenshot({ path: test.info().outputPath('reset-link-made.png') })
  const link = await field.inputValue()

  // Trying the link in her own browser, the admin is told it would sign her in as Ben instead.
  const tryOut = await ada.context().newPage()
  await tryOut.goto(link)
  await expect(tryOut.getByRole('heading', { name: 'Set a new password for ben@example.com' })).toBeVisible()
  await expect(tryOut.getByRole('note')).toHaveText(
    'You are signed in here as ada@example.com: setting this password signs this browser in as ben@example.com instead. To keep your account here, send the link to its owner.',
  )
  await tryOut.close()

  // Ben opens it in another browser: it says whose password it sets, and asks for the new one twice.
  const ben = await newPerson()
  await ben.goto(link)
  await expect(ben.getByRole('heading', { name: 'Set a new password for ben@example.com' })).toBeVisible()
  await expect(ben.getByRole('note')).toHaveCount(0) // signed out: nothing to warn about
  const next = ben.getByLabel(/^New password/)
  const repeated = ben.getByLabel('Confirm new password')
  await expect(next).toHaveAttribute('autocomplete', 'new-password')
  await expect(repeated).toHaveAttribute('autocomplete', 'new-password')
  await next.fill(NEW)
  await repeated.fill(`${NEW}!`)
  await ben.getByRole('button', { name: 'Set password' }).click()
  await expect(ben.getByRole('alert')).toHaveText('The new passwords do not match.')
  await repeated.fill(NEW)
  await ben.screenshot({ path: test.info().outputPath('reset-form.png') })
  await ben.getByRole('button', { name: 'Set password' }).click()

  // Signed in, on his boards.
  await expect(ben.getByRole('heading', { name: 'Boards', exact: true })).toBeVisible()
  await expect(ben.getByRole('link', { name: 'Ben’s pitch' })).toBeVisible()
  expect(new URL(ben.url()).pathname).toBe('/')

  // His other browser is signed out at once; the old password no longer signs in, the new one does.
  await expect(benBefore.getByRole('heading', { name: 'You were signed out' })).toBeVisible()
  await benBefore.goto(server.url)
  await expect(benBefore.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await signIn(benBefore, 'ben@example.com', OLD)
  await expect(benBefore.getByRole('alert')).toHaveText('Wrong email or password.')
  await signIn(benBefore, 'ben@example.com', NEW)
  await expect(benBefore.getByRole('heading', { name: 'Boards', exact: true })).toBeVisible()

  // The link opened again says it was used, and what to do.
  await ben.goto(link)
  await expect(ben.getByRole('heading', { name: 'Reset link already used' })).toBeVisible()
  await expect(ben.getByText('This password reset link was already used: each link works once. Ask the admin of this server for a new one.')).toBeVisible()
  await expect(ben.getByLabel(/^New password/)).toHaveCount(0)
  await ben.screenshot({ path: test.info().outputPath('reset-link-used.png') })
})
