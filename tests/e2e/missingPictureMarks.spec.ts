import { boardUrl, createBoard, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

const MISSING_MARK = 'Picture unavailable — it could not be loaded'

test('a shot whose picture is missing from the server shows a calm mark in its frame, strip card and Present, never a broken picture', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Missing picture')
  // A shot whose active picture points at an asset address nothing was stored at (a file lost from the data directory).
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!.id
  const src = `/api/boards/${boardId}/assets/${'0'.repeat(64)}`
  const shot = createShotShape({ parentId: page as never, index: 'a1' as never, props: { order: 'a1' as never, title: 'Lighthouse', media: { assetId: 'asset:gone' as never, src, kind: 'image' } } })
  client.doc.transact(() => putRecords(client.doc, [shot] as never))
  client.destroy()

  const ada = await newPerson()
  await openBoard(ada, boardUrl(server.url, boardId))
  const frame = ada.locator('.shot-panel__frame')
  await expect(frame.getByRole('img', { name: MISSING_MARK })).toHaveText('Picture unavailable')
  await expect(frame.locator('img, video')).toHaveCount(0)
  // The way to the shot's other takes stays in the frame.
  await expect(frame.getByRole('button', { name: 'Show takes' })).toBeVisible()
  await expect(ada.locator('.strip-thumb').getByTestId('picture-unreadable')).toHaveAttribute('title', MISSING_MARK)
  await expect(ada.locator('.strip-thumb').locator('img, video')).toHaveCount(0)

  await ada.goto(`${boardUrl(server.url, boardId)}/present`)
  const stage = ada.locator('.presentation-stage__shot')
  await expect(stage.getByTestId('picture-unreadable')).toHaveText(MISSING_MARK, { timeout: 45_000 })
  await expect(stage.locator('img, video, canvas')).toHaveCount(0)
  await ada.getByRole('button', { name: 'Grid' }).click()
  const card = ada.locator('.presentation-grid__card')
  await expect(card.getByTestId('picture-unreadable')).toHaveText(MISSING_MARK)
  await expect(card.locator('img, video')).toHaveCount(0)
})
