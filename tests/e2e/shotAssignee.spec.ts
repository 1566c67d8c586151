import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { signUp, signedInPage } from './support/accounts'
import { expectCanvasReady } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { sequenceStrip, stripCard, stripIds } from './support/sequenceStrip'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

// Assigned to: an art director splits the board among the artists, and everyone sees who draws
// what, live; the artist finds their own shots with "mine".

test.setTimeout(180_000)
test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

/** Opens the board and waits until its strip shows its three shots. */
async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expectCanvasReady(page)
  await expect.poll(() => stripIds(page), { timeout: 30_000 }).toHaveLength(3)
}

/** Each shot's assignee as the board holds it, by id. */
function assignees(page: Page, ids: string[]): Promise<(string | null)[]> {
  return page.evaluate((shotIds) => {
    const shots = window.editor!.getCurrentPageShapes()
    return shotIds.map((id) => (shots.find((s) => s.id === id)?.props as { assigneeId: string | null }).assigneeId)
  }, ids)
}

/** The presence colour this page's person has: their cursor's colour on everyone's screen. */
function ownColor(page: Page): Promise<string> {
  return page.evaluate(() => window.editor!.user.getColor())
}

/** A badge's background as the browser paints it, as `rgb(…)`. */
function badgeColor(page: Page, shotId: string): Promise<string> {
  return stripCard(page, shotId).getByTestId('assignee-badge').evaluate((badge) => getComputedStyle(badge).backgroundColor)
}

/** `#rrggbb` as the browser writes a computed colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
  return `rgb(${r}, ${g}, ${b})`
}

test('Ada assigns two shots to Ben at once: Ben sees the badges live in his colour, finds them with "mine", and one undo of Ada\'s clears both', async ({ newPerson, server }) => {
  const ada = await signUp(server.url, 'Ada')
  const boardId = ((await (await ada.api.api.boards.$post({ json: { name: 'Split the board' } })).json()) as { id: string }).id
  const invite = await ada.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role: 'editor' } })
  const { token } = (await invite.json()) as { token: string }
  const ben = await signUp(server.url, 'Ben')
  expect((await ben.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)

  const client = connectClient(syncUrlOf(server.url), boardId, { headers: { cookie: ada.cookie } })
  await client.synced()
  const pageId = pagesOf(client.doc)[0]!.id as never
  const shot = (x: number, order: string, title: string) => createShotShape({ parentId: pageId, index: 'a1' as never, x, y: 0, props: { order: order as never, title } })
  const boats = shot(0, 'a1', 'Boats')
  const door = shot(400, 'a2', 'The door')
  const letter = shot(800, 'a3', 'The letter')
  client.doc.transact(() => putRecords(client.doc, [boats, door, letter]))
  client.destroy()

  const url = `${server.url}/b/${boardId}`
  const adaPage = await signedInPage(newPerson, server.url, ada.cookie)
  const benPage = await signedInPage(newPerson, server.url, ben.cookie)
  await openBoard(adaPage, url)
  await openBoard(benPage, url)

  // Ada selects two shots in the strip; the panel for several shots offers the board's editors.
  await stripCard(adaPage, boats.id).getByRole('button', { name: /^Shot 1/u }).click()
  await stripCard(adaPage, door.id).getByRole('button', { name: /^Shot 2/u }).click({ modifiers: ['Shift'] })
  const panel = adaPage.getByRole('region', { name: 'Selected shots' })
  await expect(panel).toContainText('2 shots selected')
  const picker = panel.getByLabel('Assigned to')
  await expect(picker.getByRole('option')).toHaveText(['Nobody', 'Ada', 'Ben'])
  await picker.selectOption({ label: 'Ben' })
  await expect.poll(() => assignees(adaPage, [boats.id, door.id, letter.id])).toEqual([expect.any(String), expect.any(String), null])

  // Ben's screen: both shots badged, on the canvas and the strip, named for screen readers, in his own colour.
  for (const id of [boats.id, door.id]) {
    await expect(stripCard(benPage, id).getByRole('img', { name: 'Assigned to Ben' })).toBeVisible()
    await expect(benPage.locator(`.tl-shape[data-shape-id="${id}"]`).getByRole('img', { name: 'Assigned to Ben' })).toBeVisible()
    await expect(stripCard(benPage, id).getByRole('img', { name: 'Assigned to Ben' })).toHaveText(/^B/u)
    // The strip card's button is described by it.
    await expect(stripCard(benPage, id).locator('.strip-card__body')).toHaveAccessibleDescription(/Assigned to Ben/u)
    expect(await badgeColor(benPage, id)).toBe(rgb(await ownColor(benPage)))
    // On Ada's screen the badge has the colour of Ben's cursor too.
    await expect.poll(() => badgeColor(adaPage, id)).toBe(rgb(await ownColor(benPage)))
  }
  await expect(stripCard(benPage, letter.id).getByTestId('assignee-badge')).toHaveCount(0)

  // Ben opens one of his shots: the inspector says who draws it.
  await stripCard(benPage, door.id).getByRole('button', { name: /^Shot 2/u }).click()
  const [benId] = await assignees(benPage, [door.id])
  await expect(benPage.getByRole('region', { name: 'Shot inspector' }).getByLabel('Assigned to')).toHaveValue(benId!)
  await expect(benPage.getByRole('region', { name: 'Shot inspector' }).getByLabel('Assigned to').locator('option:checked')).toHaveText('Ben')

  // Find "mine" in Ben's browser: his two shots, the third not.
  await benPage.getByTestId('canvas').focus()
  await benPage.keyboard.press('ControlOrMeta+F')
  await benPage.getByRole('searchbox', { name: 'Find shots' }).fill('mine')
  await expect(benPage.getByTestId('find-bar-status')).toHaveText('2 shots')
  await expect(stripCard(benPage, boats.id)).toHaveAttribute('data-find', /match|current/u)
  await expect(stripCard(benPage, door.id)).toHaveAttribute('data-find', /match|current/u)
  await expect(stripCard(benPage, letter.id)).not.toHaveAttribute('data-find', /.+/u)
  // By his name too, from Ada's side. Esc in the picker gives the keys back to the canvas, the shots still selected.
  await picker.press('Escape')
  await expect(adaPage.locator('.tl-container')).toBeFocused()
  await adaPage.keyboard.press('ControlOrMeta+F')
  await adaPage.getByRole('searchbox', { name: 'Find shots' }).fill('ben')
  await expect(adaPage.getByTestId('find-bar-status')).toHaveText('2 shots')
  await adaPage.keyboard.press('Escape')

  // One undo in Ada's browser takes the assignment back from both shots, for Ben too.
  await expect.poll(() => adaPage.evaluate(() => window.editor!.getSelectedShapeIds().length)).toBe(2)
  await adaPage.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => assignees(benPage, [boats.id, door.id, letter.id])).toEqual([null, null, null])
  await expect(sequenceStrip(benPage).getByTestId('assignee-badge')).toHaveCount(0)
  await expect(sequenceStrip(adaPage).getByTestId('assignee-badge')).toHaveCount(0)
})
