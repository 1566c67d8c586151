import type { Page } from '@playwright/test'
import { BOARD_UPDATED_EVENT_INTERVAL_MS } from '@storyloom/server/events/boardEditAnnouncer'
import { expectCanvasReady } from './support/boardPage'
import { drawRectangle } from './support/drawing'
import { expect, test } from './support/fixtures'
import { isolatedName } from '@storyloom/shared/api/typedName'

test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

/** How long another person's open home page may take to show a change (it never polls). */
const LIVE = { timeout: 3_000 }

const boardNames = (page: Page) => page.locator('.board-row__name')
const noBoards = (page: Page) => page.getByText('No boards yet. Create the first one above.')

/** Opens the app signed out and creates an account from the sign-in page; lands on the home page. */
async function signUpOnHome(page: Page, url: string, name: string, email: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: 'Create an account' }).click()
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Boards', exact: true })).toBeVisible()
}

/** Creates a board from the home page (it opens at once) and returns its URL. */
async function createBoardFromHome(page: Page, url: string, name: string): Promise<string> {
  await page.goto(url)
  await page.getByLabel('New board').fill(name)
  await page.getByRole('button', { name: 'Create board' }).click()
  await expectCanvasReady(page)
  return page.url()
}

test("each person's open home page follows the boards they may see: created, joined, renamed, left and deleted by others", async ({ newPerson, server }) => {
  // Ada (the first account: the admin, who sees every board) and Ben, each on their home page.
  const adaHome = await newPerson()
  await signUpOnHome(adaHome, server.url, 'Ada', 'ada@example.com')
  const benHome = await newPerson()
  await signUpOnHome(benHome, server.url, 'Ben', 'ben@example.com')
  await expect(noBoards(benHome)).toBeVisible()
  // Each also works in a second tab; the home tabs are never reloaded.
  const adaWork = await adaHome.context().newPage()
  const benWork = await benHome.context().newPage()

  // Ada creates a board: her home tab lists it; Ben, not on it, sees nothing of it.
  await createBoardFromHome(adaWork, server.url, 'Launch spot')
  await expect(boardNames(adaHome)).toHaveText(['Launch spot'], LIVE)
  await adaWork.getByRole('button', { name: 'Share' }).click()
  await adaWork.getByLabel('Invite as').selectOption('viewer')
  await adaWork.getByRole('button', { name: 'Create invite link' }).click()
  const link = await adaWork.getByRole('textbox', { name: 'Invite link' }).inputValue()
  await expect(noBoards(benHome)).toBeVisible()

  // Ben joins by the link: his home tab lists it.
  await benWork.goto(link)
  await benWork.getByRole('button', { name: 'Join board' }).click()
  await expectCanvasReady(benWork)
  await expect(boardNames(benHome)).toHaveText(['Launch spot'], LIVE)

  // Ada renames it from her home tab: Ben's shows the new name.
  await adaHome.locator('.board-row', { hasText: 'Launch spot' }).getByRole('button', { name: 'Rename' }).click()
  await adaHome.getByLabel(`New name for ${isolatedName('Launch spot')}`).fill('Launch spot, director’s cut')
  await adaHome.keyboard.press('Enter')
  await expect(boardNames(benHome)).toHaveText(['Launch spot, director’s cut'], LIVE)
  await benHome.screenshot({ path: test.info().outputPath('ben-home-after-rename.png') })

  // Ada removes Ben from it: it leaves his list, and stays in hers.
  await adaWork.getByRole('button', { name: 'Done' }).click()
  await adaWork.getByRole('button', { name: 'Share' }).click()
  await adaWork.getByRole('button', { name: `Remove ${isolatedName('Ben')}` }).click()
  await adaWork.getByRole('group', { name: `Confirm removing ${isolatedName('Ben')}` }).getByRole('button', { name: 'Remove' }).click()
  await expect(noBoards(benHome)).toBeVisible(LIVE)
  await expect(boardNames(adaHome)).toHaveText(['Launch spot, director’s cut'])

  // Ben creates a board of his own: Ada, the admin, sees it appear; she deletes it, and it leaves Ben's list.
  await createBoardFromHome(benWork, server.url, 'Ben’s sketches')
  await expect(boardNames(benHome)).toHaveText(['Ben’s sketches'], LIVE)
  await expect(boardNames(adaHome)).toHaveText(['Ben’s sketches', 'Launch spot, director’s cut'], LIVE)
  await adaHome.screenshot({ path: test.info().outputPath('ada-home-admin.png') })
  const row = adaHome.locator('.board-row', { hasText: 'Ben’s sketches' })
  await row.getByRole('button', { name: 'Delete' }).click()
  await adaHome.getByRole('alertdialog', { name: `Delete ${isolatedName('Ben’s sketches')}?` }).getByRole('button', { name: 'Delete board' }).click()
  await expect(noBoards(benHome)).toBeVisible(LIVE)
  await benHome.screenshot({ path: test.info().outputPath('ben-home-after-delete.png') })
})

test('an edit inside a board moves it to the top of the open home pages of the people who see it', async ({ newPerson, server }) => {
  test.setTimeout(180_000) // three canvas loads
  // Ben (the first account: the admin, who sees every board) and Ada, each on their home page.
  const benHome = await newPerson()
  await signUpOnHome(benHome, server.url, 'Ben', 'ben@example.com')
  const adaHome = await newPerson()
  await signUpOnHome(adaHome, server.url, 'Ada', 'ada@example.com')
  const adaWork = await adaHome.context().newPage()
  const firstCut = await createBoardFromHome(adaWork, server.url, 'First cut')
  await createBoardFromHome(adaWork, server.url, 'Second cut')
  for (const home of [adaHome, benHome]) await expect(boardNames(home)).toHaveText(['Second cut', 'First cut'], LIVE)

  // Ada goes back to the first board and draws in it: both home pages, never reloaded, move it up.
  await adaWork.goto(firstCut)
  await expectCanvasReady(adaWork)
  await drawRectangle(adaWork, { x: 400, y: 300 }, { x: 560, y: 420 })
  // Edits are told at most once per board every 5 s; this board was told of when it was made.
  const throttled = { timeout: 3_000 + BOARD_UPDATED_EVENT_INTERVAL_MS }
  for (const home of [adaHome, benHome]) await expect(boardNames(home)).toHaveText(['First cut', 'Second cut'], throttled)
  await benHome.screenshot({ path: test.info().outputPath('ben-home-after-edit.png') })
})
