import { expect, type Page } from '@playwright/test'
import { createApiClient, type ApiClient } from '@storyloom/server/http/apiClient'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { expectCanvasReady, expectConnection } from './boardPage'

/** Fills the sign-up form the page shows (the sign-in page, switched to "Create an account"). */
export async function createAccount(page: Page, name: string, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Create an account' }).click()
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Create account' }).click()
}

/** Fills the sign-in form the page shows and sends it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Opens `serverUrl`, signs up there and creates a board from the home page; its canvas is ready. */
export async function signUpWithBoard(page: Page, serverUrl: string, person: { name: string; email: string }, boardName: string): Promise<void> {
  await page.goto(serverUrl)
  await createAccount(page, person.name, person.email)
  await page.getByLabel('New board').fill(boardName)
  await page.getByRole('button', { name: 'Create board' }).click()
  await expectCanvasReady(page)
}

/**
 * The admin and a person: Ada signs up first (the admin) and is on the home page; Ben signs up in
 * his own browser and has a board of his, "Ben’s pitch", open and connected.
 */
export async function adminAndBenWithBoard(newPerson: () => Promise<Page>, serverUrl: string): Promise<{ ada: Page; ben: Page }> {
  const ada = await newPerson()
  await ada.goto(serverUrl)
  await createAccount(ada, 'Ada', 'ada@example.com') // the first account: the admin
  await expect(ada.getByRole('heading', { name: 'Boards', exact: true })).toBeVisible()
  const ben = await newPerson()
  await signUpWithBoard(ben, serverUrl, { name: 'Ben', email: 'ben@example.com' }, 'Ben’s pitch')
  await expectConnection(ben, 'connected')
  return { ada, ben }
}

/** Creates a board from the home page, then an invite link for `role` in its Share dialog (left open). */
export async function createBoardWithInvite(page: Page, boardName: string, role: BoardRole): Promise<string> {
  await page.getByLabel('New board').fill(boardName)
  await page.getByRole('button', { name: 'Create board' }).click()
  await expectCanvasReady(page)
  await page.getByRole('button', { name: 'Share' }).click()
  await page.getByLabel('Invite as').selectOption(role)
  await page.getByRole('button', { name: 'Create invite link' }).click()
  return page.getByRole('textbox', { name: 'Invite link' }).inputValue()
}

/** An account signed up through the API, with its session cookie and an API client that sends it. */
export async function signUp(serverUrl: string, name: string): Promise<{ cookie: string; api: ApiClient }> {
  const response = await createApiClient(serverUrl).api.auth['sign-up'].$post({
    json: { email: `${name.toLowerCase()}@example.com`, password: 'correct horse battery', name },
  })
  expect(response.status).toBe(201)
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('storyloom_session='))!.split(';')[0]!
  return { cookie, api: createApiClient(serverUrl, { headers: { cookie } }) }
}

/** Ada (signed up) owns a new board `boardName`; Ben signed up and joined it as a viewer through an invite link. */
export async function boardWithViewer(serverUrl: string, boardName: string): Promise<{ owner: Awaited<ReturnType<typeof signUp>>; viewer: Awaited<ReturnType<typeof signUp>>; boardId: string }> {
  const owner = await signUp(serverUrl, 'Ada')
  const boardId = ((await (await owner.api.api.boards.$post({ json: { name: boardName } })).json()) as { id: string }).id
  const invite = await owner.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role: 'viewer' } })
  const { token } = (await invite.json()) as { token: string }
  const viewer = await signUp(serverUrl, 'Ben')
  expect((await viewer.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)
  return { owner, viewer, boardId }
}

/** A browser page signed in with `cookie`. */
export async function signedInPage(newPerson: () => Promise<Page>, serverUrl: string, cookie: string): Promise<Page> {
  const page = await newPerson()
  const [name, value] = cookie.split('=') as [string, string]
  await page.context().addCookies([{ name, value, url: serverUrl }])
  return page
}
