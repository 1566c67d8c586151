import type { Page } from '@playwright/test'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { boardUrl, createBoard, expectCanvasReady, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { solidPng } from './support/pngImage'

/** The names in the home page's board list, top to bottom. */
const boardNames = (page: Page) => page.locator('.board-row__name')
const boardRow = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.locator('.board-row__name', { hasText: name }) })

test('boards are created, renamed, opened, deleted and restored from the home page, and the list survives a reload', async ({ page, server }) => {
  await createBoard(server.url, 'Kitchen argument')
  await page.goto(server.url)
  await expect(boardNames(page)).toHaveText(['Kitchen argument'])

  // Create: the new board opens at once, under its name.
  await page.getByLabel('New board').fill('Opening sequence')
  await page.getByRole('button', { name: 'Create board' }).click()
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{16}$/)
  const createdUrl = page.url()
  await expectCanvasReady(page)
  await expect(page.locator('.board-title__name')).toHaveText('Opening sequence')

  // Back to the list: the new board is there, most recent first.
  await page.getByRole('navigation', { name: 'Board' }).getByRole('link', { name: 'Boards' }).click()
  await expect(boardNames(page)).toHaveText(['Opening sequence', 'Kitchen argument'])

  // Rename in place.
  await boardRow(page, 'Opening sequence').getByRole('button', { name: 'Rename' }).click()
  await page.getByLabel(`New name for ${isolatedName('Opening sequence')}`).fill('Opening sequence, take 2')
  await page.keyboard.press('Enter')
  await expect(boardNames(page)).toHaveText(['Opening sequence, take 2', 'Kitchen argument'])
  await page.reload()
  await expect(boardNames(page)).toHaveText(['Opening sequence, take 2', 'Kitchen argument'])

  // Open it from the list (same board, new name), then go back.
  await page.getByRole('link', { name: /Opening sequence, take 2/ }).click()
  await expect(page).toHaveURL(createdUrl)
  await expectCanvasReady(page)
  await expect(page.locator('.board-title__name')).toHaveText('Opening sequence, take 2')
  await page.goBack()
  await expect(boardNames(page)).toHaveText(['Opening sequence, take 2', 'Kitchen argument'])

  // Delete asks first; cancelling keeps the board.
  const row = boardRow(page, 'Opening sequence, take 2')
  await row.getByRole('button', { name: 'Delete' }).click()
  const confirmation = page.getByRole('alertdialog', { name: `Delete ${isolatedName('Opening sequence, take 2')}?` })
  await expect(confirmation).toContainText('moves to Recently deleted, where its owners can restore it')
  await confirmation.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirmation).toBeHidden()
  await expect(boardNames(page)).toHaveText(['Opening sequence, take 2', 'Kitchen argument'])

  // Confirmed, it is gone from the list and its address; the other board stays.
  await row.getByRole('button', { name: 'Delete' }).click()
  await confirmation.getByRole('button', { name: 'Delete board' }).click()
  await expect(boardNames(page)).toHaveText(['Kitchen argument'])
  await page.reload()
  await expect(boardNames(page)).toHaveText(['Kitchen argument'])
  await page.goto(createdUrl)
  await expect(page.getByRole('heading', { name: 'Board not found' })).toBeVisible()

  // Recently deleted has it, with when; Restore puts it back in the list, under its name.
  await page.goto(server.url)
  await page.getByRole('tab', { name: 'Recently deleted' }).click()
  const deleted = boardRow(page, 'Opening sequence, take 2')
  await expect(deleted).toContainText('Deleted')
  await deleted.getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByText('No recently deleted boards')).toBeVisible()
  await page.getByRole('tab', { name: 'Boards' }).click()
  await expect(boardNames(page)).toHaveText(['Opening sequence, take 2', 'Kitchen argument'])
  await page.reload()
  await expect(boardNames(page)).toHaveText(['Opening sequence, take 2', 'Kitchen argument'])
})

test('a rename whose text would show reordered is refused, saying why, and the board keeps its name', async ({ page, server }) => {
  await createBoard(server.url, 'Pitch deck')
  await page.goto(server.url)
  await boardRow(page, 'Pitch deck').getByRole('button', { name: 'Rename' }).click()
  // A right-to-left override makes "Pitch \u202ekced" show as "Pitch deck".
  await page.getByLabel(`New name for ${isolatedName('Pitch deck')}`).fill('Pitch \u202ekced')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveText(/must not contain characters that reorder text \(bidirectional overrides, embeddings or isolates\)/i)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(boardNames(page)).toHaveText(['Pitch deck'])
  await page.reload()
  await expect(boardNames(page)).toHaveText(['Pitch deck'])
})

test('a board renamed from the home page shows its new name at once to everyone who has it open', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Storm sequence')
  const [ada, ben] = [await newPerson(), await newPerson()]
  for (const page of [ada, ben]) {
    await openBoard(page, boardUrl(server.url, boardId))
    await expect(page.locator('.board-title__name')).toHaveText('Storm sequence')
  }

  const home = await ada.context().newPage()
  await home.goto(server.url)
  await boardRow(home, 'Storm sequence').getByRole('button', { name: 'Rename' }).click()
  await home.getByLabel(`New name for ${isolatedName('Storm sequence')}`).fill('Storm sequence, v2')
  await home.keyboard.press('Enter')
  await expect(boardNames(home)).toHaveText(['Storm sequence, v2'])

  for (const page of [ada, ben]) {
    await expect(page.locator('.board-title__name')).toHaveText('Storm sequence, v2')
    await expect(page).toHaveTitle(`${isolatedName('Storm sequence, v2')} · Storyloom`)
  }
})

test('a right-to-left board name is set apart in the labels, confirmations and tab title that name it', async ({ page, server }) => {
  // Unisolated, "Delete مشهد ١?" reads (and shows) with the question mark taken into the Arabic run.
  const name = 'مشهد ١'
  await createBoard(server.url, name)
  await page.goto(server.url)
  const row = boardRow(page, name)
  await row.getByRole('button', { name: 'Rename' }).click()
  await expect(page.getByRole('textbox', { name: `New name for ${isolatedName(name)}`, exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await row.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('alertdialog', { name: `Delete ${isolatedName(name)}?`, exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('link', { name: new RegExp(name) }).click()
  await expectCanvasReady(page)
  await expect(page).toHaveTitle(`${isolatedName(name)} · Storyloom`)
})

test('a team’s list: covers from the first shot with a picture, a search that ignores case and accents, and a remembered order that holds through live updates', async ({ page, server }) => {
  await createBoard(server.url, 'Zebra crossing')
  await createBoard(server.url, 'Alpha pitch')
  // "Café scene": its first shot has no picture, its second has one, so that is the cover.
  const { boardId, client, scene, shots } = await longBoardShots(server.url, 'Café scene', 2)
  const uploaded = await createApiClient(server.url).api.boards[':boardId'].assets.$post(
    { param: { boardId } },
    { init: { body: new Uint8Array(solidPng(64, 36, [200, 80, 40])), headers: { 'Content-Type': 'image/png' } } },
  )
  const image = assetResponseSchema.parse(await uploaded.json())
  const [first, second] = shots as [(typeof shots)[0], (typeof shots)[0]]
  const media = { assetId: `asset:${image.id}` as never, src: image.url, kind: 'image' as const }
  client.doc.transact(() => putRecords(client.doc, [scene, first, { ...second, props: { ...second.props, media } }] as never))

  await page.goto(server.url)
  const cover = boardRow(page, 'Café scene').locator('img')
  await expect(cover).toHaveAttribute('src', image.url)
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64)
  await expect(boardRow(page, 'Zebra crossing').locator('img')).toHaveCount(0)
  await expect(boardNames(page)).toHaveText(['Café scene', 'Alpha pitch', 'Zebra crossing'])

  const search = page.getByRole('searchbox', { name: 'Search boards' })
  await search.fill('CAFE')
  await expect(boardNames(page)).toHaveText(['Café scene'])
  await search.fill('storm')
  await expect(page.getByText('No boards match “storm”.')).toBeVisible()
  await search.press('Escape')
  await expect(search).toHaveValue('')
  await expect(boardNames(page)).toHaveCount(3)

  await page.getByLabel('Sort by').selectOption({ label: 'Name' })
  await expect(boardNames(page)).toHaveText(['Alpha pitch', 'Café scene', 'Zebra crossing'])
  await page.reload()
  await expect(page.getByLabel('Sort by')).toHaveValue('name')
  // A board created elsewhere arrives in its place in the chosen order, and the search still applies.
  await search.fill('pitch')
  await expect(boardNames(page)).toHaveText(['Alpha pitch'])
  await createBoard(server.url, 'Beta pitch')
  await expect(boardNames(page)).toHaveText(['Alpha pitch', 'Beta pitch'])
  client.destroy()
})
