import { readFile, writeFile } from 'node:fs/promises'
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny'
import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardWithViewer, signedInPage } from './support/accounts'
import { boardUrl, createBoard, expectCanvasReady, onePersonOnBoard, openBoard } from './support/boardPage'
import { drawFreehand } from './support/drawing'
import { expect, test } from './support/fixtures'
import { solidPng } from './support/pngImage'
import { addSceneWithShots, selectedIds } from './support/sequenceStrip'
import { settledBox } from './support/settled'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

type Rgb = [number, number, number]
/** Present's placeholder card for a shot with neither image nor sketch (drawShotFrame's CARD). */
const CARD: Rgb = [0x2b, 0x2b, 0x30]
/** The board's frame rate (the default). */
const FPS = 24

/** A shot of the test board: its duration, and the colour of its solid image (none: its placeholder card). */
type TestShot = { title: string; duration: number; image: Rgb | 'broken' | null; dialogue?: string }

/** Someone's client writes a scene of `shots` onto a new board named `name`, each image uploaded first. */
async function boardWithShots(serverUrl: string, name: string, shots: TestShot[]): Promise<string> {
  const boardId = await createBoard(serverUrl, name)
  const srcs = await Promise.all(
    shots.map(async ({ image }) => {
      if (image === null) return null
      if (image === 'broken') return `/api/boards/${boardId}/assets/missing.png`
      const response = await fetch(`${serverUrl}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(solidPng(320, 180, image)) })
      return ((await response.json()) as { url: string }).url
    }),
  )
  const client = connectClient(syncUrlOf(serverUrl), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scene = createScene({ order: 'a1' as never, name: 'Opening' })
  const records = shots.map(({ title, duration, dialogue }, i) =>
    createShotShape({
      parentId: page.id as never,
      index: `a${i + 1}` as never,
      x: i * 400,
      props: {
        sceneId: scene.id,
        order: `a${i + 1}` as never,
        title,
        duration,
        dialogue: dialogue ?? '',
        aspect: '16:9',
        media: srcs[i] ? { assetId: `asset:picture${i}` as never, src: srcs[i], kind: 'image' } : null,
      },
    }),
  )
  client.doc.transact(() => putRecords(client.doc, [scene, ...records] as never))
  client.destroy()
  return boardId
}

/** Exports the open board's animatic from the main menu; resolves with the downloaded file's name and bytes. */
async function exportVideo(page: Page): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Export video…' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export video', exact: true }).click()
  const file = await download
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) }
}

/**
 * The colour of the video `bytes` at each of `times` (seconds), read back as a viewer's browser
 * plays it: a <video> sought there, drawn onto a canvas, one pixel sampled left of centre (clear
 * of the captions and of the placeholder card's text).
 */
async function coloursAt(page: Page, bytes: Buffer, times: number[]): Promise<{ size: [number, number]; colours: Rgb[] }> {
  const read = await page.evaluate(
    async ({ base64, times }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const video = document.createElement('video')
      video.muted = true
      await new Promise((resolve, reject) => {
        video.onloadeddata = resolve
        video.onerror = () => reject(new Error(`the video does not play: ${video.error?.message}`))
        video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }))
      })
      const canvas = document.createElement('canvas')
      canvas.width = video.videoWidth
      canvas.height = video.videoHeight
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!
      const colours: [number, number, number][] = []
      const frames: string[] = []
      for (const t of times) {
        const sought = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }))
        video.currentTime = t
        await sought
        ctx.drawImage(video, 0, 0)
        const [r, g, b] = ctx.getImageData(Math.round(canvas.width * 0.15), Math.round(canvas.height / 2), 1, 1).data
        colours.push([r!, g!, b!])
        frames.push(canvas.toDataURL('image/png'))
      }
      return { size: [video.videoWidth, video.videoHeight] as [number, number], colours, frames }
    },
    { base64: bytes.toString('base64'), times },
  )
  // The frames, to look at in the test's output.
  await Promise.all(read.frames.map((url, i) => writeFile(test.info().outputPath(`frame-at-${times[i]}s.png`), Buffer.from(url.split(',')[1]!, 'base64'))))
  return { size: read.size, colours: read.colours }
}

/** The frame's white paper, under a shot's sketch. */
const PAPER: Rgb = [255, 255, 255]

/** Whether two colours are alike, allowing for the encoder's loss. */
function near(a: Rgb, b: Rgb): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= 24)
}

/** Midpoints of shots laid end to end. */
function midpoints(durations: number[]): number[] {
  let start = 0
  return durations.map((d) => {
    const mid = start + d / 2
    start += d
    return mid
  })
}

test('Export video gives a WebM of the animatic: each shot for its duration in order, showing its image or its placeholder card', async ({ newPerson, server }) => {
  const shots: TestShot[] = [
    { title: 'Harbour', duration: 1.5, image: [220, 40, 40], dialogue: 'MAYA: We made it.' },
    { title: 'Gulls', duration: 0.75, image: null },
    { title: 'Lighthouse', duration: 2, image: [40, 80, 220] },
  ]
  const boardId = await boardWithShots(server.url, 'Harbour spot', shots)
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))

  const video = await exportVideo(page)
  expect(video.name).toBe('harbour-spot.webm')
  const panel = page.locator('.animatic-export')
  await expect(panel.getByRole('status')).toHaveText('Downloaded harbour-spot.webm (1280×720).')
  await expect(panel.getByRole('alert')).toHaveCount(0)

  // Read in Node as a file a client is sent: a WebM as long as the animatic, to the frame.
  const input = new Input({ source: new BufferSource(video.bytes), formats: ALL_FORMATS })
  expect(await input.getMimeType()).toMatch(/^video\/webm/)
  const total = shots.reduce((sum, shot) => sum + shot.duration, 0)
  expect(Math.abs((await input.computeDuration()) - total)).toBeLessThanOrEqual(1 / FPS + 1e-6)

  // Each shot's picture at its midpoint, in a 720p frame (the board is 16:9).
  const { size, colours } = await coloursAt(page, video.bytes, midpoints(shots.map((s) => s.duration)))
  expect(size).toEqual([1280, 720])
  const expected = shots.map((shot) => (Array.isArray(shot.image) ? shot.image : CARD))
  colours.forEach((colour, i) => expect(near(colour, expected[i]!), `shot ${i + 1}: ${colour} should be near ${expected[i]}`).toBe(true))
})

test('a shot whose image cannot be loaded is named when the export ends, and shows its placeholder card in the video; Escape then leaves the selection alone', async ({ newPerson, server }) => {
  const shots: TestShot[] = [
    { title: 'Dock', duration: 1, image: [40, 200, 60] },
    { title: 'Lost take', duration: 1, image: 'broken' },
  ]
  const boardId = await boardWithShots(server.url, 'Broken', shots)
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))
  await page.evaluate(() => {
    window.editor?.selectAll()
  })
  const selected = await selectedIds(page)
  expect(selected).toHaveLength(2)

  const video = await exportVideo(page)
  const problems = page.locator('.animatic-export').getByRole('alert')
  await expect(problems).toContainText('could not be loaded; the video shows their placeholder card instead')
  await expect(problems.getByRole('listitem')).toHaveText(['Shot 1.2 · Lost take'])
  // Escape closes the dialog only: reaching the canvas too, it cleared the selection.
  await page.keyboard.press('Escape')
  await expect(page.locator('.animatic-export')).toHaveCount(0)
  expect(await selectedIds(page)).toEqual(selected)
  const { colours } = await coloursAt(page, video.bytes, midpoints([1, 1]))
  expect(near(colours[0]!, [40, 200, 60])).toBe(true)
  expect(near(colours[1]!, CARD)).toBe(true)
})

test('in Present, Export video shows its progress; Cancel stops it, and Escape closes the dialog, not the presentation', async ({ newPerson, server }) => {
  // Long enough (an hour) that the export is still running when Cancel is pressed.
  const shots: TestShot[] = Array.from({ length: 6 }, (_, i) => ({ title: `Long ${i + 1}`, duration: 600, image: null }))
  const boardId = await boardWithShots(server.url, 'Long', shots)
  const page = await newPerson()
  await page.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(page.getByText(`Shot 1 of ${shots.length}`)).toBeVisible({ timeout: 60_000 })

  await page.getByRole('button', { name: 'Export video' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export video' })
  await expect(dialog).toContainText('(60:00.0)')
  await dialog.getByRole('button', { name: 'Export video' }).click()
  const progress = dialog.getByRole('progressbar', { name: 'Export progress' })
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0)
  await expect(dialog.getByRole('status')).toHaveText(/^Shot 1 of 6…$/)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  // Back to the start, nothing downloaded: it can be started again.
  await expect(progress).toHaveCount(0)
  await expect(dialog.getByRole('button', { name: 'Export video' })).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/present/)
  await expect(page.getByText(`Shot 1 of ${shots.length}`)).toBeVisible()
})

test('a shot with a sketch and no image shows its sketch on the frame’s paper, as Present does', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Sketched')
  const [sketched, empty] = await addSceneWithShots(page, 'Rough', 2)
  await page.keyboard.press('Escape')
  const frame = await settledBox(page.locator(`[data-shape-id="${sketched}"] .shot-panel__frame`))
  await drawFreehand(page, [0.4, 0.5, 0.6].map((f, i) => ({ x: frame.x + frame.width * f, y: frame.y + frame.height * (0.3 + 0.2 * i) })))
  await page.keyboard.press('Escape')
  expect(empty).toBeDefined()

  const video = await exportVideo(page)
  // Each shot lasts the default 3 s: the sketch's paper, then the empty shot's card.
  const { colours } = await coloursAt(page, video.bytes, midpoints([3, 3]))
  expect(near(colours[0]!, PAPER), `${colours[0]}`).toBe(true)
  expect(near(colours[1]!, CARD), `${colours[1]}`).toBe(true)
})

test('a browser without WebCodecs is told it cannot make video files, with no Export button to press', async ({ newPerson, server }) => {
  const boardId = await boardWithShots(server.url, 'Old browser', [{ title: 'One', duration: 1, image: null }])
  const page = await newPerson()
  // As in a browser without WebCodecs, or on a plain-HTTP address (where browsers leave it out).
  await page.addInitScript(() => Reflect.deleteProperty(window, 'VideoEncoder'))
  await openBoard(page, boardUrl(server.url, boardId))
  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Export video…' }).click()
  const panel = page.locator('.animatic-export')
  await expect(panel.getByRole('alert')).toHaveText(/This browser cannot make video files/)
  await expect(panel.getByRole('button', { name: 'Export video' })).toHaveCount(0)
})

test.describe('with accounts', () => {
  test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

  test('a viewer exports the video from the board’s menu, its picture included', async ({ newPerson, server }) => {
    const { owner, viewer, boardId } = await boardWithViewer(server.url, 'Pitch')

    // The owner uploads an image and her client writes a shot showing it.
    const colour: Rgb = [230, 160, 30]
    const upload = await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', headers: { cookie: owner.cookie }, body: new Uint8Array(solidPng(320, 180, colour)) })
    const { url } = (await upload.json()) as { url: string }
    const client = connectClient(syncUrlOf(server.url), boardId, { headers: { cookie: owner.cookie } })
    await client.synced()
    const scene = createScene({ order: 'a1' as never, name: 'Opening' })
    const shot = createShotShape({
      parentId: pagesOf(client.doc)[0]!.id as never,
      index: 'a1' as never,
      props: { sceneId: scene.id, title: 'Sunrise', duration: 1, media: { assetId: 'asset:sunrise' as never, src: url, kind: 'image' } },
    })
    client.doc.transact(() => putRecords(client.doc, [scene, shot]))
    client.destroy()

    const ben = await signedInPage(newPerson, server.url, viewer.cookie)
    await ben.goto(`${server.url}/b/${boardId}`)
    await expectCanvasReady(ben)
    const video = await exportVideo(ben)
    expect(video.name).toBe('pitch.webm')
    const { colours } = await coloursAt(ben, video.bytes, [0.5])
    expect(near(colours[0]!, colour), `${colours[0]}`).toBe(true)
  })
})
