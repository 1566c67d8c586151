import type { Page } from '@playwright/test'
import { expectCanvasReady, onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { placeShot, selectShot, theShot, uploadTake, versionNode } from './support/shotVersions'

const boardNames = (page: Page) => page.locator('.board-row__name')
const boardRow = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.locator('.board-row__name', { hasText: new RegExp(`^${name}$`) }) })
const COPY_URL = /\/b\/[A-Za-z0-9_-]{16}$/

/** A shot whose action is `action`, with two takes (the second current), on the page's open board. */
async function shotWithTwoTakes(page: Page, action: string): Promise<{ takes: string[] }> {
  await placeShot(page, action)
  await page.getByTestId('version-panel-toggle').click()
  await uploadTake(page, 'first.png', [64, 36], [200, 40, 40])
  const first = (await theShot(page)).props.activeVersionId!
  await uploadTake(page, 'second.png', [64, 36], [40, 40, 200])
  const second = (await theShot(page)).props.activeVersionId!
  return { takes: [first, second] }
}

/** On the copy now open: the one shot, its takes in the Versions panel, the current one highlighted, its picture served by the copy. */
async function expectCopiedShot(page: Page, action: string, originalTakes: string[]): Promise<void> {
  await expectCanvasReady(page)
  const copyId = new URL(page.url()).pathname.split('/').pop()!
  await expect.poll(async () => (await theShot(page)).props.media?.src ?? '').toMatch(new RegExp(`^/api/boards/${copyId}/assets/`))
  const shot = await theShot(page)
  expect(shot.props).toMatchObject({ action })
  const current = shot.props.activeVersionId!
  expect(originalTakes).not.toContain(current)
  await selectShot(page)
  await page.getByTestId('version-panel-toggle').click()
  await expect(page.getByTestId('version-node')).toHaveCount(2)
  await expect(versionNode(page, current)).toHaveAttribute('data-active', 'true')
  // Its picture loaded through the copy's own asset URL ("Loading…" or "No picture" otherwise).
  await expect(versionNode(page, current).locator('.version-node__placeholder')).toHaveCount(0)
}

test('Duplicate on the home page lists the copy at once, for everyone who sees the list, and it opens with the shot and its takes', async ({ newPerson, server }) => {
  const { page: ada, url } = await onePersonOnBoard(newPerson, server.url, 'Harbour at dawn')
  const { takes } = await shotWithTwoTakes(ada, 'Waves break on the pier')

  const ben = await newPerson()
  await ben.goto(server.url)
  await expect(boardNames(ben)).toHaveText(['Harbour at dawn'])
  await ada.goto(server.url)
  await boardRow(ada, 'Harbour at dawn').getByRole('button', { name: 'Duplicate' }).click()
  await expect(boardNames(ada)).toHaveText(['Harbour at dawn (copy)', 'Harbour at dawn'])
  // Ben did nothing: his list heard of the copy from the server.
  await expect(boardNames(ben)).toHaveText(['Harbour at dawn (copy)', 'Harbour at dawn'])

  await ada.getByRole('link', { name: /Harbour at dawn \(copy\)/ }).click()
  await expect(ada).toHaveURL(COPY_URL)
  expect(ada.url()).not.toBe(url)
  await expect(ada.locator('.board-title__name')).toHaveText('Harbour at dawn (copy)')
  await expectCopiedShot(ada, 'Waves break on the pier', takes)
})

test('"Duplicate board" in the main menu opens the copy, named after the board', async ({ newPerson, server }) => {
  const { page, url } = await onePersonOnBoard(newPerson, server.url, 'Storm sequence')
  const { takes } = await shotWithTwoTakes(page, 'Lightning over the bay')
  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Duplicate board' }).click()
  await expect(page).not.toHaveURL(url)
  await expect(page).toHaveURL(COPY_URL)
  await expect(page.locator('.board-title__name')).toHaveText('Storm sequence (copy)')
  await expectCopiedShot(page, 'Lightning over the bay', takes)
})
