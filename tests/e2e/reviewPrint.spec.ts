import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'
import { signUp } from './support/accounts'
import { expect, test } from './support/fixtures'
import { solidPng } from './support/pngImage'

/** A client on a review link prints the storyboard (or saves it as PDF), with no account. */

// With accounts, the board's own asset addresses are for members only: the client's print must load pictures through the link.
test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

test('a client prints the storyboard from the review link, pictures loaded through the link, and goes back to the review', async ({ newPerson, server }) => {
  test.setTimeout(150_000)
  const owner = await signUp(server.url, 'Ada')
  const boardId = ((await (await owner.api.api.boards.$post({ json: { name: 'Pitch' } })).json()) as { id: string }).id
  const upload = await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', headers: { cookie: owner.cookie }, body: new Uint8Array(solidPng(320, 180, [40, 90, 160])) })
  expect(upload.status).toBe(201)
  const src = ((await upload.json()) as { url: string }).url
  const client = connectClient(syncUrlOf(server.url), boardId, { headers: { cookie: owner.cookie } })
  await client.synced()
  const page = pagesOf(client.doc)[0]!.id as never
  const scene = createScene({ order: 'a1' as never, name: 'Opening' })
  const sunrise = createShotShape({ parentId: page, index: 'a1' as never, props: { sceneId: scene.id, order: 'a1' as never, title: 'Sunrise', action: 'The sun comes up.', media: { assetId: 'asset:sunrise' as never, src, kind: 'image' } } })
  const coffee = createShotShape({ parentId: page, index: 'a2' as never, x: 600, props: { sceneId: scene.id, order: 'a2' as never, title: 'Coffee', dialogue: 'Morning.' } })
  client.doc.transact(() => putRecords(client.doc, [scene, sunrise, coffee]))
  client.destroy()
  const link = await fetch(`${server.url}/api/boards/${boardId}/share-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: owner.cookie },
    body: JSON.stringify({ label: 'Round 1' }),
  })
  expect(link.status).toBe(201)
  const path = ((await link.json()) as { path: string }).path

  const reviewer = await newPerson()
  await reviewer.goto(server.url + path)
  await reviewer.getByRole('link', { name: 'Print / PDF' }).click({ timeout: 45_000 })
  await expect(reviewer).toHaveURL(`${server.url}${path}/print`)
  const panels = reviewer.getByTestId('print-panel')
  await expect(panels.locator('.print-panel__title')).toHaveText(['Sunrise', 'Coffee'], { timeout: 30_000 })
  await expect(panels.locator('.print-panel__number')).toHaveText(['1.1', '1.2'])
  await expect(reviewer.locator('.print-sheet__title')).toHaveText('Pitch')
  await expect(reviewer).toHaveTitle('\u2068Pitch\u2069 – Storyboard')
  await expect(panels.first().locator('.print-panel__action')).toHaveText('The sun comes up.')
  // The picture comes through the link's own asset route (a member's address is refused without an account).
  const picture = panels.first().locator('.print-panel__frame > img')
  await expect(picture).toHaveAttribute('src', new RegExp(`^/api/review/[^/]+/assets/`))
  await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320)

  await reviewer.screenshot({ path: test.info().outputPath('review-print.png') })

  // Print (Save as PDF is one of the browser's printers) is called once the picture is in.
  await reviewer.evaluate(() => {
    const calls: number[] = []
    Object.assign(window, { printCalls: calls })
    window.print = () => void calls.push(document.querySelectorAll('.print-panel').length)
  })
  await reviewer.getByRole('button', { name: 'Print…' }).click()
  await expect.poll(() => reviewer.evaluate(() => (window as unknown as { printCalls: number[] }).printCalls)).toEqual([2])

  // The options stay in the address; the way back is the review, not the team's board.
  await reviewer.getByLabel('Panels per row').selectOption('1')
  await expect(reviewer).toHaveURL(/\/print\?per-row=1$/)
  await reviewer.getByRole('link', { name: 'Back to review' }).click()
  await expect(reviewer.getByRole('heading', { name: 'Shot 1.1 · Sunrise' })).toBeVisible({ timeout: 30_000 })
  await expect(reviewer).toHaveURL(new RegExp(`${path}(#shot=[\\w:-]+)?$`))
})
