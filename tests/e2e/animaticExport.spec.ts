import { boardWithViewer, signedInPage } from './support/accounts'
import { CARD, FPS, PAPER, boardWithShots, coloursAt, exportVideo, midpoints, near, readVideo, type Rgb, type TestShot } from './support/animaticVideo'
import { boardUrl, expectCanvasReady, onePersonOnBoard, openBoard } from './support/boardPage'
import { drawFreehand } from './support/drawing'
import { expect, test } from './support/fixtures'
import { solidPng } from './support/pngImage'
import { addSceneWithShots, selectedIds } from './support/sequenceStrip'
import { settledBox } from './support/settled'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

test('Export video gives a WebM of the animatic: each shot for its duration in order, showing its image or its placeholder card, a dissolve blended over its length', async ({ newPerson, server }) => {
  const shots: TestShot[] = [
    { title: 'Harbour', duration: 1.5, image: [220, 40, 40], dialogue: 'MAYA: We made it.' },
    { title: 'Gulls', duration: 0.75, image: null },
    { title: 'Lighthouse', duration: 2, image: [40, 80, 220], transitionIn: 'dissolve', transitionInSeconds: 1 },
  ]
  const boardId = await boardWithShots(server.url, 'Harbour spot', shots)
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))

  const video = await exportVideo(page, 'WebM')
  expect(video.name).toBe('harbour-spot.webm')
  const panel = page.locator('.animatic-export')
  await expect(panel.getByRole('status')).toHaveText('Downloaded harbour-spot.webm (1280×720).')
  await expect(panel.getByRole('alert')).toHaveCount(0)

  // Read in Node as a file a client is sent: a WebM as long as the animatic, to the frame.
  const read = await readVideo(video.bytes)
  expect(read.mimeType).toMatch(/^video\/webm/)
  expect(read.codec).toMatch(/^vp[89]$/)
  const total = shots.reduce((sum, shot) => sum + shot.duration, 0)
  expect(Math.abs(read.duration - total)).toBeLessThanOrEqual(1 / FPS + 1e-6)

  // Each shot's picture at its midpoint, in a 720p frame (the board is 16:9).
  const { size, colours } = await coloursAt(page, video.bytes, midpoints(shots.map((s) => s.duration)))
  expect(size).toEqual([1280, 720])
  const expected = shots.map((shot) => (Array.isArray(shot.image) ? shot.image : CARD))
  colours.forEach((colour, i) => expect(near(colour, expected[i]!), `shot ${i + 1}: ${colour} should be near ${expected[i]}`).toBe(true))

  // Half way through the Lighthouse's 1 s dissolve (2.25 s + 0.5 s): half the card, half the blue.
  const [halfway] = (await coloursAt(page, video.bytes, [2.75])).colours
  const blue = shots[2]!.image as Rgb
  const blend = CARD.map((card, i) => (card + blue[i]!) / 2) as Rgb
  expect(near(halfway!, blend), `half way through the dissolve: ${halfway} should be near ${blend}`).toBe(true)
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

test('in Present, Export video shows its progress; Cancel stops it, and Escape closes the dialog, not the presentation; the keyboard follows each step', async ({ newPerson, server }) => {
  // Long enough (an hour) that the export is still running when Cancel is pressed.
  const shots: TestShot[] = Array.from({ length: 6 }, (_, i) => ({ title: `Long ${i + 1}`, duration: 600, image: null }))
  const boardId = await boardWithShots(server.url, 'Long', shots)
  const page = await newPerson()
  await page.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(page.getByText(`Shot 1 of ${shots.length}`)).toBeVisible({ timeout: 60_000 })

  await page.getByRole('button', { name: 'Export video' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export video' })
  await expect(dialog).toContainText('(60:00.0)')
  // Present offers the whole board (chosen) or the scene of the shot on screen.
  await expect(dialog.getByRole('group', { name: 'Shots' }).getByRole('radio')).toHaveCount(2)
  await expect(dialog.getByRole('radio', { name: 'Whole board' })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: 'Scene 1 Opening' })).not.toBeChecked()
  // The keyboard starts on the format chosen (the Shots choice is above it).
  await expect(dialog.getByRole('group', { name: 'Format' }).getByRole('radio', { checked: true })).toBeFocused()
  await dialog.getByRole('button', { name: 'Export video' }).click()
  const progress = dialog.getByRole('progressbar', { name: 'Export progress' })
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0)
  await expect(dialog.getByRole('status')).toHaveText(/^Shot 1 of 6…$/)
  // The keyboard follows the dialog's steps instead of falling to the page's body with the
  // button it was on: Cancel while it runs, then Export video again.
  const cancel = dialog.getByRole('button', { name: 'Cancel' })
  await expect(cancel).toBeFocused()
  await page.keyboard.press('Enter')
  // Back to the start, nothing downloaded: it can be started again.
  await expect(progress).toHaveCount(0)
  await expect(dialog.getByRole('button', { name: 'Export video' })).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/present/)
  // Back on the header's button that opened it.
  await expect(page.locator('.animatic-export-button')).toBeFocused()
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

  test('a viewer exports the video from the board’s menu, its picture included; in Present he is not offered Time to sound', async ({ newPerson, server }) => {
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
    // This Chromium encodes H.264: MP4 is the dialog's choice (animaticExportFormats.spec.ts).
    expect(video.name).toBe('pitch.mp4')
    const { colours } = await coloursAt(ben, video.bytes, [0.5])
    expect(near(colours[0]!, colour), `${colours[0]}`).toBe(true)

    // In Present, a viewer is not offered Time to sound (it retimes the shots). Before his role is
    // known it is offered to nobody, so first wait for what only a known viewer role shows: the
    // comment box refused.
    await ben.goto(`${server.url}/b/${boardId}/present`)
    await expect(ben.locator('.comments-menu__read-only')).toHaveText('Only commenters, editors and owners can write comments; you are a viewer on this board.', { timeout: 30_000 })
    await expect(ben.getByRole('button', { name: 'Time to sound' })).toHaveCount(0)
    // Nor by its key: T, then O (Guides) — once Guides is on, T was handled, and no timing bar shows.
    await ben.keyboard.press('t')
    await ben.keyboard.press('o')
    await expect(ben.getByRole('button', { name: 'Guides' })).toHaveAttribute('aria-pressed', 'true')
    await expect(ben.locator('.tap-timing')).toHaveCount(0)
  })
})
