import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { solidPng } from './support/pngImage'
import { reviewLinkExpiringIn } from './support/reviewBoard'

/**
 * An animatic cuts from shot to shot every second or two: a picture fetched only once its shot is
 * on screen left the stage empty for the time of a download at every cut of a first play (on a
 * 700 ms connection, two thirds of each one-second shot), in front of the team or a client.
 */

/** A board of four one-second shots, each showing a picture of its own; the pictures' addresses, in order. */
async function boardOfPictures(serverUrl: string): Promise<{ boardId: string; srcs: string[] }> {
  const { boardId, client, scene, shots } = await longBoardShots(serverUrl, 'Perfume spot', 4)
  const srcs: string[] = []
  for (const [i, colour] of ([[200, 60, 40], [40, 160, 90], [30, 80, 200], [220, 200, 40]] as const).entries()) {
    const uploaded = await fetch(`${serverUrl}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(solidPng(640 + i, 360, [...colour])) })
    srcs.push(((await uploaded.json()) as { url: string }).url)
  }
  client.doc.transact(() =>
    putRecords(client.doc, [
      scene,
      ...shots.map((shot, i) => ({ ...shot, props: { ...shot.props, duration: 1, media: { assetId: `asset:take${i}`, src: srcs[i], kind: 'image' } } })),
    ] as never),
  )
  client.destroy()
  return { boardId, srcs }
}

/** A picture's sha256, the last part of its address on the board (`/api/boards/…`) and on a review link (`/api/review/…`). */
const hashOf = (url: string) => new URL(url, 'http://x').pathname.split('/').at(-1)!

/**
 * How many of the pictures `srcs` (by hash) the page has loaded itself as images, and of those how
 * many are ready to show at once: an image of that address would be complete as soon as made (the
 * browser's memory cache). Only the page's own image loads are looked at (its resource timing
 * entries; a fetch() of the address is no image), so the check itself, which makes such images,
 * proves nothing before they are counted.
 */
function picturesLoaded(page: Page, srcs: string[]): Promise<{ loaded: number; ready: number }> {
  return page.evaluate((hashes) => {
    const images = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.initiatorType === 'img')
    const urls = new Set(images.map((entry) => entry.name).filter((url) => hashes.includes(url.split('/').at(-1)!)))
    const ready = [...urls].filter((url) => Object.assign(new Image(), { src: url }).complete)
    return { loaded: urls.size, ready: ready.length }
  }, srcs.map(hashOf))
}

/**
 * Steps on with → and reports what the first frame painted after the counter turned to `counter`
 * showed on the stage: its picture already there (`shown`), or an empty frame still downloading.
 */
async function firstFrameAfterStep(page: Page, counter: string): Promise<string> {
  const probe = page.evaluate(
    (wanted) =>
      new Promise<string>((resolve) => {
        const tick = () => {
          if (document.querySelector('.presentation-controls__shot')?.textContent !== wanted) return requestAnimationFrame(tick)
          const picture = document.querySelector<HTMLImageElement>('img.presentation-stage__media')
          resolve(picture?.complete && picture.naturalWidth > 0 ? 'shown' : 'empty frame')
        }
        requestAnimationFrame(tick)
      }),
    counter,
  )
  await page.keyboard.press('ArrowRight')
  return probe
}

async function expectNextPicturesReady(page: Page, srcs: string[]): Promise<void> {
  const counter = page.locator('.presentation-controls').getByText(/^Shot \d+ of \d+$/)
  await expect(counter).toHaveText('Shot 1 of 4', { timeout: 45_000 })
  await expect(page.locator('img.presentation-stage__media')).toHaveJSProperty('complete', true)
  // Paused on shot 1, the pictures of the shots that come next are already downloaded…
  await expect.poll(() => picturesLoaded(page, srcs.slice(1)), { message: 'pictures of shots 2 to 4 loaded while shot 1 shows' }).toEqual({ loaded: 3, ready: 3 })
  // … so each cut shows the next picture in its first frame.
  expect(await firstFrameAfterStep(page, 'Shot 2 of 4')).toBe('shown')
  expect(await firstFrameAfterStep(page, 'Shot 3 of 4')).toBe('shown')
}

test('while a shot is on Present’s stage the pictures of the next shots are downloaded, so the cut shows the next picture at once', async ({ newPerson, server }) => {
  const { boardId, srcs } = await boardOfPictures(server.url)
  const team = await newPerson()
  await team.goto(`${boardUrl(server.url, boardId)}/present`)
  await expectNextPicturesReady(team, srcs)
})

test('a client on a review link also has the next shots’ pictures downloaded ahead of the cut', async ({ newPerson, server }) => {
  const { boardId, srcs } = await boardOfPictures(server.url)
  const client = await newPerson()
  await client.goto(server.url + (await reviewLinkExpiringIn(server.url, boardId, 3_600_000)))
  await expectNextPicturesReady(client, srcs)
})
