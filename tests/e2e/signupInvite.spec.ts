import { SIGN_UP_BY_INVITATION } from '@storyloom/shared/api/accounts'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { createAccount, createBoardWithInvite } from './support/accounts'
import { expectCanvasReady } from './support/boardPage'
import { expect, test } from './support/fixtures'

test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required', STORYLOOM_SIGNUP: 'invite' } } })

test('with sign-up by invitation, the admin signs up, a stranger is told to ask for an invite, and an invitee signs up from the link', async ({ newPerson, server }) => {
  // The very first account needs no invite: it is the admin.
  const admin = await newPerson()
  await admin.goto(server.url)
  await createAccount(admin, 'Ada', 'ada@example.com')
  const link = await createBoardWithInvite(admin, 'Launch spot', 'editor')

  // A stranger asking to create an account is told how to get one, not given a form that fails.
  const stranger = await newPerson()
  await stranger.goto(server.url)
  await stranger.getByRole('button', { name: 'Create an account' }).click()
  await expect(stranger.getByRole('heading', { name: 'Sign-up is by invitation' })).toBeVisible()
  await expect(stranger.getByText(SIGN_UP_BY_INVITATION)).toBeVisible()
  await expect(stranger.getByLabel('Your name')).toHaveCount(0)
  await expect(stranger.getByRole('button', { name: 'Create account' })).toHaveCount(0)

  // From the invite link, signing up works and joins the board at once.
  const invitee = await newPerson()
  await invitee.goto(link)
  await expect(invitee.getByRole('heading', { name: `Sign in to join “${isolatedName('Launch spot')}”` })).toBeVisible()
  await invitee.getByRole('button', { name: 'Create an account' }).click()
  await expect(invitee.getByRole('heading', { name: `Create your account to join “${isolatedName('Launch spot')}”` })).toBeVisible()
  await expect(invitee.getByText('Sign-up here is by invitation: this invite link lets you create your account.')).toBeVisible()
  await invitee.getByRole('button', { name: 'Sign in' }).click()
  await createAccount(invitee, 'Ben', 'ben@example.com')
  await expectCanvasReady(invitee)
  expect(new URL(invitee.url()).pathname).toMatch(/^\/b\//)
})
