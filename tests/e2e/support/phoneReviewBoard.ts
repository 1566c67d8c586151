import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'
import { createBoard } from './boardPage'
import { expect } from './fixtures'
import { solidPng } from './pngImage'
import { pagesOf } from '../../support/boardFixtures'
import { connectClient, syncUrlOf } from '../../support/syncClient'

/** A client's review link on a phone or tablet (reviewPhone.spec.ts, reviewMarkupTouch.spec.ts): the board under review, its picture on the stage. */

/** Shots of the board under review: a 16:9 picture under a long title, then a 9:16 one. */
export const SHOTS: { aspect: AspectRatio; size: [number, number]; title: string; dialogue: string }[] = [
  { aspect: '16:9', size: [320, 180], title: 'First sip — the hero moment with steam rising into the low sunlight', dialogue: 'VO: Lumen. Light in a cup.' },
  { aspect: '9:16', size: [180, 320], title: 'Story cut', dialogue: 'MAYA: You have to try this.' },
]

/** A board with {@link SHOTS} (each showing its picture), written over sync, and the path of a review link to it (with `passcode` if given). */
export async function boardWithPictures(serverUrl: string, passcode?: string): Promise<string> {
  const boardId = await createBoard(serverUrl, 'Lumen Coffee — 30s spot')
  const srcs = await Promise.all(
    SHOTS.map(async ({ size: [w, h] }, i) => {
      const response = await fetch(`${serverUrl}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(solidPng(w, h, [200, 90 * i, 40])) })
      return ((await response.json()) as { url: string }).url
    }),
  )
  const client = connectClient(syncUrlOf(serverUrl), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scene = createScene({ order: 'a1' as never, name: 'Morning ritual' })
  const shots = SHOTS.map(({ aspect, title, dialogue }, i) =>
    createShotShape({
      parentId: page.id as never,
      index: 'a1' as never,
      x: i * 400,
      props: { sceneId: scene.id, order: `a${i + 1}` as never, title, dialogue, aspect, media: { assetId: `asset:picture${i}` as never, src: srcs[i]!, kind: 'image' } },
    }),
  )
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots] as never))
  client.destroy()
  const created = await fetch(`${serverUrl}/api/boards/${boardId}/share-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Sarah', expiresAt: null, passcode: passcode ?? null }),
  })
  expect(created.status).toBe(201)
  return ((await created.json()) as { path: string }).path
}

/** Where the stage's picture is drawn, once it has loaded: its element letterboxes it (`object-fit: contain`). */
export async function stagePicture(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const picture = page.locator('img.presentation-stage__media')
  await expect(picture).toHaveJSProperty('complete', true)
  return picture.evaluate((img: HTMLImageElement) => {
    const box = img.getBoundingClientRect()
    const scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight)
    const [width, height] = [img.naturalWidth * scale, img.naturalHeight * scale]
    return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height }
  })
}
