import type { Locator, Page } from '@playwright/test'
import { onePersonOnBoard } from './boardPage'
import { shotsOnPage as shots } from './editorState'
import { expect } from './fixtures'

/** Client review: a board with shots, a review link to it and a reviewer's page (review*.spec.ts). */

/** Places a shot with the shot tool and fills in its title, duration (1.5 s unless given) and dialogue in the inspector. */
export async function addShot(page: Page, at: { x: number; y: number }, fields: { title: string; dialogue: string }, duration = 1.5): Promise<string> {
  const before = new Set((await shots(page)).map((s) => s.id))
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(at.x, at.y)
  await expect.poll(async () => (await shots(page)).length).toBe(before.size + 1)
  const shot = (await shots(page)).find((s) => !before.has(s.id))!
  const inspector = page.getByTestId('shot-inspector')
  await inspector.getByLabel('Title').fill(fields.title)
  await inspector.getByLabel('Duration (s)').fill(String(duration))
  await inspector.getByLabel('Dialogue / VO').fill(fields.dialogue)
  await expect.poll(async () => (await shots(page)).find((s) => s.id === shot.id)?.props).toMatchObject({ ...fields, duration })
  await page.keyboard.press('Escape')
  return shot.id
}

/** Creates a review link through the HTTP API (the menu offers days; a test needs seconds) and returns its path. */
export async function reviewLinkExpiringIn(serverUrl: string, boardId: string, ms: number): Promise<string> {
  const res = await fetch(`${serverUrl}/api/boards/${boardId}/share-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Short', expiresAt: new Date(Date.now() + ms).toISOString() }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { path: string }).path
}

/** A board with one shot, open for an editor, a review link to it (ending in `expiresInMs`) and a reviewer's page, not yet opened. */
export async function boardUnderReview(
  newPerson: () => Promise<Page>,
  serverUrl: string,
  boardName: string,
  shot: { title: string; dialogue: string },
  expiresInMs = 3_600_000,
): Promise<{ editor: Page; shotId: string; path: string; reviewer: Page }> {
  const { boardId, page: editor } = await onePersonOnBoard(newPerson, serverUrl, boardName)
  const shotId = await addShot(editor, { x: 360, y: 320 }, shot)
  const path = await reviewLinkExpiringIn(serverUrl, boardId, expiresInMs)
  return { editor, shotId, path, reviewer: await newPerson() }
}

export type ShotFields = { title: string; dialogue: string }

/**
 * A board with two shots (the first `firstSeconds` long), open for an editor, and a reviewer's
 * page on a review link to it, showing shot 1's caption.
 */
export async function reviewerOfTwoShots(
  newPerson: () => Promise<Page>,
  serverUrl: string,
  boardName: string,
  [first, second]: [ShotFields, ShotFields],
  firstSeconds = 1.5,
): Promise<{ editor: Page; reviewer: Page; caption: Locator }> {
  const { boardId, page: editor } = await onePersonOnBoard(newPerson, serverUrl, boardName)
  await addShot(editor, { x: 300, y: 320 }, first, firstSeconds)
  await addShot(editor, { x: 700, y: 320 }, second)
  const path = await reviewLinkExpiringIn(serverUrl, boardId, 3_600_000)
  const reviewer = await newPerson()
  await reviewer.goto(serverUrl + path)
  const caption = reviewer.locator('.presentation-stage__caption')
  // The review page's first load parses the canvas bundle: on a busy 2-core machine that alone outlasts one expect timeout (as in expectCanvasReady).
  await expect(caption).toHaveText(first.dialogue, { timeout: 45_000 })
  return { editor, reviewer, caption }
}
