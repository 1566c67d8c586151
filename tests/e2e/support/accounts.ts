import type { Page } from '@playwright/test'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { expectCanvasReady } from './boardPage'

/** Fills the sign-up form the page shows (the sign-in page, switched to "Create an account"). */
export async function createAccount(page: Page, name: string, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Create an account' }).click()
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Create account' }).click()
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
