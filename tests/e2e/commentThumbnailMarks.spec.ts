import { boardUrl, openBoard } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { reviewLinkExpiringIn } from './support/reviewBoard'
import { boardWithUnreadableActiveTake, bombAnswers } from './support/unreadableTake'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

const TEAM_MARK = 'Take unreadable — choose another take or generate again'
const MISSING_MARK = 'Picture unavailable — it could not be loaded'

test("the Comments list's drawing thumbnails show a small mark, never a broken picture, for an unreadable take and for a missing picture", async ({ newPerson, server }) => {
  const { boardId, bombUrl } = await boardWithUnreadableActiveTake(server, 'Thumbnails of failed pictures')
  // A second shot whose picture is gone from the server (an asset address nothing was stored at).
  const missingSrc = bombUrl.replace(/[^/]+$/, (id) => '0'.repeat(id.length))
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!.id
  const gone = createShotShape({ parentId: page as never, index: 'a2' as never, x: 600, props: { order: 'a2' as never, title: 'Lighthouse', media: { assetId: 'asset:gone' as never, src: missingSrc, kind: 'image' } } })
  client.doc.transact(() => putRecords(client.doc, [gone] as never))
  client.destroy()

  const ada = await newPerson()
  const answers = bombAnswers(ada, bombUrl)
  await openBoard(ada, boardUrl(server.url, boardId))
  const harbour = (await shotsOnPage(ada)).find((s) => (s.props as { title: string }).title === 'Harbour')!
  // A client circles something on each shot through the review link, as the review page sends it.
  const token = (await reviewLinkExpiringIn(server.url, boardId, 3_600_000)).split('/').at(-1)
  for (const [shotId, body] of [[harbour.id, 'The boats, brighter'], [gone.id, 'The lamp, warmer']] as const) {
    const sent = await fetch(`${server.url}/api/review/${token}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ anchor: { kind: 'shot', shotId }, body, markup: { strokes: [{ color: 'red', points: [[0.2, 0.2], [0.8, 0.8]] }] }, authorName: 'Carla' }),
    })
    expect(sent.status).toBe(201)
  }

  await ada.getByRole('button', { name: /^Comments/ }).click()
  const thumbnail = (body: string) => ada.locator('.comments-menu .comment').filter({ hasText: body }).getByRole('button', { name: 'Drawing: 1 stroke. Show it on the picture' })
  const unreadable = thumbnail('The boats, brighter')
  await expect(unreadable.getByTestId('picture-unreadable')).toHaveAttribute('title', TEAM_MARK)
  await expect(unreadable.getByRole('img', { name: TEAM_MARK })).toHaveText('Take unreadable')
  await expect(unreadable.locator('img, video')).toHaveCount(0)
  const missing = thumbnail('The lamp, warmer')
  await expect(missing.getByTestId('picture-unreadable')).toHaveAttribute('title', MISSING_MARK)
  await expect(missing.getByRole('img', { name: MISSING_MARK })).toHaveText('Picture unavailable')
  await expect(missing.locator('img, video')).toHaveCount(0)
  // The drawing stays over the mark, and the thumbnail still pins it on the canvas.
  await expect(missing.locator('polyline[stroke]')).toHaveCount(1)
  await ada.locator('.comments-menu').screenshot({ path: test.info().outputPath('comment-thumbnail-marks.png') })
  expect(new Set(answers)).toEqual(new Set([422]))
})
