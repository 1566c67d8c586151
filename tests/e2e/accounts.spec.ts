import type { Page } from '@playwright/test'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { createAccount, createBoardWithInvite } from './support/accounts'
import { expectCanvasReady, expectConnection } from './support/boardPage'
import { drawRectangle } from './support/drawing'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { isolatedName } from '@storyloom/shared/api/typedName'

test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

/** Signs up as Ada on a new server, then makes a board and an invite link as {@link createBoardWithInvite}. */
async function signUpWithBoardInvite(page: Page, serverUrl: string, boardName: string, role: BoardRole): Promise<string> {
  await page.goto(serverUrl)
  await createAccount(page, 'Ada', 'ada@example.com')
  return createBoardWithInvite(page, boardName, role)
}

/** Opens an invite link signed out and creates an account there, which joins; the board's canvas is ready. */
async function joinWithLink(page: Page, link: string, name: string, email: string): Promise<void> {
  await page.goto(link)
  await createAccount(page, name, email)
  await expectCanvasReady(page)
}

test('the first person signs up as admin, creates a board and invites an editor by link, who joins and edits live', async ({ newPerson, server }) => {
  // Login is required: the app opens on the sign-in page.
  const owner = await newPerson()
  await owner.goto(server.url)
  await expect(owner.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await createAccount(owner, 'Ada Owner', 'ada@example.com')
  await expect(owner.getByRole('heading', { name: 'Boards', exact: true })).toBeVisible()
  await owner.getByRole('button', { name: 'Ada Owner' }).click()
  await expect(owner.getByRole('menu')).toContainText('admin')
  await owner.getByRole('button', { name: 'Ada Owner' }).click()

  // A new board; Share → invite link for an editor.
  const link = await createBoardWithInvite(owner, 'Launch spot', 'editor')
  await expectConnection(owner, 'connected')
  expect(link).toMatch(/\/invite#[A-Za-z0-9_-]{43}$/)
  await owner.getByRole('button', { name: 'Done' }).click()

  // The editor opens the link signed out, creates an account there and joins.
  const editor = await newPerson()
  await editor.goto(link)
  await expect(editor.getByRole('heading', { name: `Sign in to join “${isolatedName('Launch spot')}”` })).toBeVisible()
  // Signing up from the link joins the board at once: no second "Join board" click.
  await editor.getByRole('button', { name: 'Create an account' }).click()
  await expect(editor.getByRole('heading', { name: `Create your account to join “${isolatedName('Launch spot')}”` })).toBeVisible()
  await editor.getByRole('button', { name: 'Sign in' }).click()
  await createAccount(editor, 'Ben Editor', 'ben@example.com')
  await expectCanvasReady(editor)
  await expect(editor.getByRole('button', { name: 'Join board' })).toHaveCount(0)
  await expectConnection(editor, 'connected')

  // Ben draws; Ada sees it live.
  const rectangle = await drawRectangle(editor, { x: 300, y: 300 }, { x: 480, y: 420 })
  await expect.poll(async () => (await shapesOnPage(owner)).map((s) => s.id)).toContain(rectangle.id)
  // An editor makes review links.
  const reviewLink = editor.getByRole('button', { name: 'Review link' })
  await expect(reviewLink).not.toHaveAttribute('aria-disabled')

  // Ada makes Ben a viewer: his open canvas turns read-only at once. His link let him in and is
  // used up: it is no longer among her open invite links.
  await owner.getByRole('button', { name: 'Share' }).click()
  await expect(owner.getByRole('list', { name: 'Members' })).toBeVisible()
  await expect(owner.getByRole('button', { name: 'Revoke editor invite link' })).toHaveCount(0)
  await owner.getByLabel(`Role of ${isolatedName('Ben Editor')}`).selectOption('viewer')
  await expect(owner.getByLabel(`Role of ${isolatedName('Ben Editor')}`)).toHaveValue('viewer')
  await expect.poll(() => editor.evaluate(() => window.editor!.getIsReadonly())).toBe(true)
  // The empty sequence strip no longer tells him to press S (nothing would happen).
  await expect(editor.locator('.sequence-strip__empty')).toHaveText('No shots yet. Shots that editors add appear here.')
  // A viewer reads comments but cannot write them, nor make review links; the UI says why.
  await expect(reviewLink).toHaveAttribute('aria-disabled', 'true')
  await expect(reviewLink).toHaveAttribute('title', 'Only editors and owners can create review links; you are a viewer on this board')
  await editor.getByRole('button', { name: /^Comments/ }).click()
  const comments = editor.locator('.comments-menu')
  await expect(comments.getByTestId('comments-read-only')).toHaveText('Only commenters, editors and owners can write comments; you are a viewer on this board.')
  await expect(comments.locator('textarea')).toHaveCount(0)
  // Made a commenter, he can comment (the box is back, live) but still not make review links.
  await owner.getByLabel(`Role of ${isolatedName('Ben Editor')}`).selectOption('commenter')
  await expect(comments.locator('textarea')).toHaveCount(1)
  await expect(comments.getByTestId('comments-read-only')).toHaveCount(0)
  await expect(reviewLink).toHaveAttribute('title', 'Only editors and owners can create review links; you are a commenter on this board')

  // His used link, opened again, just takes him to the board; to anyone else it says it was used.
  const again = await editor.context().newPage()
  await again.goto(link)
  await expect(again).toHaveURL(owner.url())
  await expectCanvasReady(again)
  const stranger = await newPerson()
  await stranger.goto(link)
  await expect(stranger.getByRole('heading', { name: 'Invite already used' })).toBeVisible()
  await expect(stranger.getByText(/Someone has already joined with this invite link/)).toBeVisible()
  await expect(stranger.getByRole('button', { name: 'Sign in' })).toBeVisible()
})

test('the owner’s open Share dialog follows people joining with a link, other owners’ links and role changes, without reopening it', async ({ newPerson, server }) => {
  const ada = await newPerson()
  const link = await signUpWithBoardInvite(ada, server.url, 'Live members', 'owner')
  const adaMembers = ada.getByRole('list', { name: 'Members' })
  const adaLinks = ada.getByRole('region', { name: 'Open invite links' })
  await expect(adaMembers.getByRole('listitem')).toHaveCount(1)
  await expect(adaLinks.getByRole('listitem')).toHaveCount(1)

  // Ben joins with the link while Ada's dialog stays open: he appears, and the used link goes.
  const ben = await newPerson()
  await joinWithLink(ben, link, 'Ben', 'ben@example.com')
  await expect(adaMembers.getByRole('listitem')).toHaveCount(2)
  await expect(ada.getByLabel(`Role of ${isolatedName('Ben')}`)).toHaveValue('owner')
  await expect(adaLinks).toHaveCount(0)

  // Ben, an owner too, makes a link and then steps down to editor: Ada's dialog shows both.
  await ben.getByRole('button', { name: 'Share' }).click()
  await ben.getByLabel('Invite as').selectOption('viewer')
  await ben.getByRole('button', { name: 'Create invite link' }).click()
  await expect(adaLinks.getByRole('listitem')).toHaveText(/Joins as viewer/)
  await ben.getByLabel(`Role of ${isolatedName('Ben')}`).selectOption('editor')
  await expect(ada.getByLabel(`Role of ${isolatedName('Ben')}`)).toHaveValue('editor')
  // Ada revokes his link; she removes him and he is gone from her list.
  await ada.getByRole('button', { name: 'Revoke viewer invite link' }).click()
  await expect(adaLinks).toHaveCount(0)
  await ada.getByRole('button', { name: `Remove ${isolatedName('Ben')}` }).click()
  await ada.getByRole('group', { name: `Confirm removing ${isolatedName('Ben')}` }).getByRole('button', { name: 'Remove' }).click()
  await expect(adaMembers.getByRole('listitem')).toHaveCount(1)
})

test('an owner made a viewer by another owner while the members dialog is open sees the change there; removing a member asks first', async ({ newPerson, server }) => {
  const ada = await newPerson()
  const link = await signUpWithBoardInvite(ada, server.url, 'Two owners', 'owner')

  const ben = await newPerson()
  await joinWithLink(ben, link, 'Ben', 'ben@example.com')
  await ben.getByRole('button', { name: 'Share' }).click()
  await expect(ben.getByLabel(`Role of ${isolatedName('Ben')}`)).toHaveValue('owner')

  await ada.getByRole('button', { name: 'Done' }).click()
  await ada.getByRole('button', { name: 'Share' }).click()
  await ada.getByLabel(`Role of ${isolatedName('Ben')}`).selectOption('viewer')
  await expect(ben.getByRole('button', { name: 'Create invite link' })).toHaveCount(0)
  await expect(ben.locator('.members-dialog__member', { hasText: 'Ben' }).locator('.members-dialog__role')).toHaveText('viewer')

  // Removing a member asks first, naming them; cancelling keeps them.
  const members = ada.getByRole('list', { name: 'Members' })
  await ada.getByRole('button', { name: `Remove ${isolatedName('Ben')}` }).click()
  const confirm = ada.getByRole('group', { name: `Confirm removing ${isolatedName('Ben')}` })
  await expect(confirm).toHaveText(/Remove Ben from this board\? They lose access at once\./)
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(members.getByRole('listitem')).toHaveCount(2)
  await ada.getByRole('button', { name: `Remove ${isolatedName('Ben')}` }).click()
  await confirm.getByRole('button', { name: 'Remove' }).click()
  await expect(members.getByRole('listitem')).toHaveCount(1)
  await expect(members).not.toContainText('Ben')
})

test('signing out forgets offline copies; a wrong password is refused with a clear message; a forged invite link says it is not valid', async ({ newPerson, server }) => {
  const page = await newPerson()
  await page.goto(server.url)
  await createAccount(page, 'Ada', 'ada@example.com')
  // Opening an invite link to a board you are already on says so, rather than inviting you to "join" it.
  const link = await createBoardWithInvite(page, 'Private', 'editor')
  const boardUrl = page.url()
  await page.goto(link)
  await expect(page.getByRole('heading', { name: `You are already on “${isolatedName('Private')}”` })).toBeVisible()
  await expect(page.getByText('You are an owner on this board; this link is for an editor.')).toBeVisible()
  await page.getByRole('link', { name: 'Open board' }).click()
  await expect(page).toHaveURL(boardUrl)
  await expectCanvasReady(page)

  const localCopies = () =>
    page.evaluate(async () => (await indexedDB.databases()).filter((d) => d.name?.startsWith('storyloom:board:')).length)
  await expect.poll(localCopies).toBe(1)

  // Signing out also forgets this browser's offline copies of boards (a shared computer).
  await page.getByRole('button', { name: 'Ada' }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect.poll(localCopies).toBe(0)

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.getByLabel('Email').fill('ada@example.com')
  await page.getByLabel('Password').fill('not my password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.')

  await page.goto(`${server.url}/invite#${'x'.repeat(43)}`)
  await expect(page.getByRole('heading', { name: 'Invite not valid' })).toBeVisible()
})

test('a viewer who joins is not warned about changes they never made, sees "View only", and a role change shows one toast of its severity', async ({ newPerson, server }) => {
  const ada = await newPerson()
  const link = await signUpWithBoardInvite(ada, server.url, 'Quiet', 'viewer')
  await ada.getByRole('button', { name: 'Done' }).click()

  const ben = await newPerson()
  await joinWithLink(ben, link, 'Ben', 'ben@example.com')
  await expectConnection(ben, 'connected')
  // Ada draws; once Ben has it, his canvas has said all it had to on opening.
  const rectangle = await drawRectangle(ada, { x: 300, y: 300 }, { x: 480, y: 420 })
  await expect.poll(async () => (await shapesOnPage(ben)).map((s) => s.id)).toContain(rectangle.id)
  const toasts = ben.locator('.tlui-toast__main')
  expect(await toasts.count()).toBe(0)
  // The board says, all along, that he can only look.
  const viewOnly = ben.getByTestId('view-only-badge')
  await expect(viewOnly).toHaveText('View only')
  await expect(viewOnly).toHaveAttribute('title', /you can look, not change it/u)

  // Two role changes in a row: one toast, saying the latest.
  await ada.getByRole('button', { name: 'Share' }).click()
  const role = ada.getByLabel(`Role of ${isolatedName('Ben')}`)
  await role.selectOption('commenter')
  await expect(toasts).toHaveText(['You are now a commenter on this boardYou can view the board but not change it.'])
  await expect(viewOnly).toHaveText('Comment only')
  await role.selectOption('viewer')
  await expect(toasts.filter({ hasText: 'You are now a viewer on this board' })).toHaveCount(1)
  expect(await toasts.count()).toBe(1)
  await expect(ben.locator('.tlui-toast__container')).toHaveAttribute('data-severity', 'info')
  await expect(viewOnly).toHaveText('View only')

  // Made an editor: good news, not a warning, and the label goes.
  await role.selectOption('editor')
  await expect(toasts).toHaveText(['You are now an editor on this boardYou can edit the board.'])
  await expect(ben.locator('.tlui-toast__container')).toHaveAttribute('data-severity', 'success')
  await expect(viewOnly).toHaveCount(0)
})
