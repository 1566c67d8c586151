import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'
import { boardUrl, createBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { solidPng } from './support/pngImage'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

/** A shot's frame aspect and an image drawn in it, at the same proportions. */
const PICTURES: { aspect: AspectRatio; size: [number, number]; title: string }[] = [
  { aspect: '16:9', size: [320, 180], title: 'شارع الميناء' },
  { aspect: '2.39:1', size: [478, 200], title: 'Scope' },
  { aspect: '1:1', size: [200, 200], title: 'Square' },
  { aspect: '9:16', size: [180, 320], title: 'Vertical' },
]

test('in Present’s grid a card’s picture fills the shot’s frame, as large as fits the 16:9 card and centred, with no strip under it, at every aspect ratio; titles (there and on the stage) are set apart in <bdi>', async ({
  newPerson,
  server,
}) => {
  // Someone's client writes four shots, each showing an uploaded image in its own aspect ratio.
  const boardId = await createBoard(server.url, 'Aspects')
  const srcs = await Promise.all(
    PICTURES.map(async ({ size: [w, h] }, i) => {
      const response = await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(solidPng(w, h, [200, 40 * i, 40])) })
      return ((await response.json()) as { url: string }).url
    }),
  )
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scene = createScene({ order: 'a1' as never, name: 'Scene 1' })
  const shots = PICTURES.map(({ aspect, title }, i) =>
    createShotShape({
      parentId: page.id as never,
      index: 'a1' as never,
      x: i * 400,
      props: { sceneId: scene.id, order: `a${i + 1}` as never, title, aspect, media: { assetId: `asset:picture${i}` as never, src: srcs[i]!, kind: 'image' } },
    }),
  )
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots] as never))
  client.destroy()

  const presenter = await newPerson()
  await presenter.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(presenter.getByText(`Shot 1 of ${PICTURES.length}`)).toBeVisible({ timeout: 60_000 })
  // The stage names the shot with its typed title in a <bdi> too.
  await expect(presenter.locator('.presentation-stage__label bdi.presentation-stage__title')).toHaveText(PICTURES[0]!.title)
  await presenter.getByRole('button', { name: 'Grid' }).click()
  const cards = presenter.locator('.presentation-grid__card')
  await expect(cards).toHaveCount(PICTURES.length)
  for (const [i, card] of (await cards.all()).entries()) {
    await expect(card.locator('img')).toHaveJSProperty('complete', true)
    // The frame is 16:9; the picture's box is the shot's own frame, as large as fits it and centred
    // in it (as on the board): a 16:9 one fills it, with no strip under it (an inline image once
    // left a line's descent, a 4 px strip, below every picture).
    const [frame, picture] = await Promise.all([card.locator('.presentation-grid__frame').boundingBox(), card.locator('img').boundingBox()])
    expect(Math.abs(frame!.height - (frame!.width * 9) / 16), `frame of ${PICTURES[i]!.aspect}`).toBeLessThan(1)
    const [w, h] = PICTURES[i]!.size
    const scale = Math.min(frame!.width / w, frame!.height / h)
    const fitted = { width: w * scale, height: h * scale, x: frame!.x + (frame!.width - w * scale) / 2, y: frame!.y + (frame!.height - h * scale) / 2 }
    for (const side of ['x', 'y', 'width', 'height'] as const) expect(picture![side], `picture of ${PICTURES[i]!.aspect}: ${side}`).toBeCloseTo(fitted[side], 0)
    await card.screenshot({ path: test.info().outputPath(`card-${PICTURES[i]!.aspect.replace(':', 'x')}.png`) })
    const title = card.locator('.presentation-grid__title')
    await expect(title.locator('bdi')).toHaveText(PICTURES[i]!.title)
  }
  await presenter.screenshot({ path: test.info().outputPath('grid.png') })
})
