import { expect, type Locator, type Page } from '@playwright/test'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { setUserName } from './editorState'

/** Creates a board through the HTTP API and returns its id. */
export async function createBoard(serverUrl: string, name: string): Promise<string> {
  const response = await createApiClient(serverUrl).api.boards.$post({ json: { name } })
  if (response.status !== 201) throw new Error(`creating board "${name}" failed: ${response.status}`)
  return (await response.json()).id
}

/** The board's address on a server, e.g. `http://127.0.0.1:41234/b/<id>`. */
export function boardUrl(serverUrl: string, boardId: string): string {
  return `${serverUrl}/b/${boardId}`
}

/** The connection badge at the top right of a board. */
export function connectionBadge(page: Page): Locator {
  return page.locator('.connection-badge')
}

/** Waits until the badge says the board is `connected` (Live), `offline` or `connecting`. */
export async function expectConnection(page: Page, state: 'connected' | 'offline' | 'connecting'): Promise<void> {
  const label = { connected: 'Live', offline: 'Offline', connecting: 'Connecting…' }[state]
  await expect(connectionBadge(page)).toHaveAttribute('data-state', state)
  await expect(connectionBadge(page).locator('.connection-badge__label')).toHaveText(label)
}

/**
 * Waits until the board's canvas is mounted and usable (its toolbar is on screen). A first load
 * parses ~2 MB of JavaScript (tldraw): on a 2-core machine busy with other work that alone has
 * taken over 15 s, so this one wait is longer than the default.
 */
export async function expectCanvasReady(page: Page): Promise<void> {
  await expect(page.getByTestId('tools.select')).toBeVisible({ timeout: 45_000 })
  await page.waitForFunction(() => window.editor !== undefined)
}

/** Opens a board and waits until it is on screen and synced with the server. */
export async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expectCanvasReady(page)
  await expectConnection(page, 'connected')
}

/** Creates a board named `boardName` on the server and opens it for one person (a page from `newPerson`). */
export async function onePersonOnBoard(
  newPerson: () => Promise<Page>,
  serverUrl: string,
  boardName: string,
): Promise<{ boardId: string; url: string; page: Page }> {
  const boardId = await createBoard(serverUrl, boardName)
  const url = boardUrl(serverUrl, boardId)
  const page = await newPerson()
  await openBoard(page, url)
  return { boardId, url, page }
}

/** Ada and Ben, each in a browser of their own, on one board; see {@link twoPeopleOnBoard}. */
export type TwoPeopleOnBoard = { boardId: string; url: string; ada: Page; ben: Page }

/**
 * Creates a board named `boardName` on the server and opens it for two people, Ada then Ben
 * (each a page from the `newPerson` fixture), named so that their cursors, presence and queue
 * rows say who is who. `open` opens one page (default {@link openBoard}).
 */
export async function twoPeopleOnBoard(
  newPerson: () => Promise<Page>,
  serverUrl: string,
  boardName: string,
  { open = openBoard }: { open?: (page: Page, url: string) => Promise<void> } = {},
): Promise<TwoPeopleOnBoard> {
  const boardId = await createBoard(serverUrl, boardName)
  const url = boardUrl(serverUrl, boardId)
  const ada = await newPerson()
  const ben = await newPerson()
  await open(ada, url)
  await open(ben, url)
  await setUserName(ada, 'Ada')
  await setUserName(ben, 'Ben')
  return { boardId, url, ada, ben }
}
