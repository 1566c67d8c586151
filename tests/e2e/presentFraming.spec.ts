import type { Locator } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardUrl, createBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { solidPng } from './support/pngImage'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

// A portrait take on a 16:9 shot: the board, the strip and the print crop it to 16:9 from the
// centre, so Present and the client's review link must show that same composition.

/** The picture's box is the shot's 16:9, its picture covering it (cropped, not letterboxed). */
async function expectFramedAsTheShot(picture: Locator, where: string): Promise<void> {
  await expect(picture).toHaveJSProperty('complete', true)
  const box = (await picture.boundingBox())!
  expect(box.width / box.height, `${where}: aspect of the picture's box`).toBeCloseTo(16 / 9, 1)
  const { objectFit, objectPosition } = await picture.evaluate((img) => getComputedStyle(img))
  expect(`${objectFit} ${objectPosition}`, `${where}: cropped from the centre`).toBe('cover 50% 50%')
}

test('a portrait take on a 16:9 shot is cropped to 16:9 from the centre on Present’s stage, in its grid and on the review link, as on the board', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Framing')
  const uploaded = await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(solidPng(180, 320, [200, 60, 40])) })
  const src = ((await uploaded.json()) as { url: string }).url
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const scene = createScene({ order: 'a1' as never, name: 'Scene 1' })
  const shot = createShotShape({
    parentId: pagesOf(client.doc)[0]!.id as never,
    index: 'a1' as never,
    props: { sceneId: scene.id, order: 'a1' as never, title: 'Wide', aspect: '16:9', media: { assetId: 'asset:portrait' as never, src, kind: 'image' } },
  })
  client.doc.transact(() => putRecords(client.doc, [scene, shot] as never))
  client.destroy()

  const presenter = await newPerson()
  await presenter.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(presenter.getByText('Shot 1 of 1')).toBeVisible({ timeout: 60_000 })
  await expectFramedAsTheShot(presenter.locator('img.presentation-stage__media'), 'stage')
  await presenter.screenshot({ path: test.info().outputPath('stage.png') })
  await presenter.getByRole('button', { name: 'Grid' }).click()
  await expectFramedAsTheShot(presenter.locator('.presentation-grid__card img'), 'grid')
  await presenter.screenshot({ path: test.info().outputPath('grid.png') })

  const created = await fetch(`${server.url}/api/boards/${boardId}/share-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Client', expiresAt: null, passcode: null }),
  })
  expect(created.status).toBe(201)
  const reviewer = await newPerson()
  await reviewer.goto(server.url + ((await created.json()) as { path: string }).path)
  await expectFramedAsTheShot(reviewer.locator('img.presentation-stage__media'), 'review link')
  await reviewer.screenshot({ path: test.info().outputPath('review.png') })
})
