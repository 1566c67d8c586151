import type { Locator, Page } from '@playwright/test'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, type ShotMedia } from '@storyloom/shared/storyboard/shotShape'
import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'
import { boardUrl, createBoard, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { solidPng } from './support/pngImage'
import { bindingRecord, motionShape, pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

// What the client reads on Present's stage under the picture, and where a shot with no picture yet sits.

type StageShot = { title: string; dialogue?: string; action?: string; aspect?: AspectRatio; media?: ShotMedia }

/** A board with one scene of these shots (no pictures, no sketches), written over sync as an import would; returns its id. */
async function boardOfShots(serverUrl: string, sceneName: string, shots: StageShot[]): Promise<string> {
  const boardId = await createBoard(serverUrl, 'Acme Coffee — Morning Ritual')
  const client = connectClient(syncUrlOf(serverUrl), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scene = createScene({ order: 'a1' as never, name: sceneName })
  const records = shots.map((props, i) =>
    createShotShape({ parentId: page.id as never, index: 'a1' as never, x: i * 400, props: { sceneId: scene.id, order: `a${i + 1}` as never, ...props } }),
  )
  client.doc.transact(() => putRecords(client.doc, [scene, ...records] as never))
  client.destroy()
  return boardId
}

async function openPresent(page: Page, serverUrl: string, boardId: string): Promise<void> {
  await page.goto(`${serverUrl}/b/${boardId}/present`)
  await expect(page.locator('.presentation-stage__number')).toHaveText('1.1', { timeout: 45_000 })
}

/** Whether an element shows all of its text (not cut with an ellipsis). */
const whole = (element: Locator) => element.evaluate((node) => node.scrollWidth <= node.clientWidth)

test('the stage calls a shot without a title "Untitled shot", and shows the scene’s name whole when the stage has room for it', async ({ newPerson, server }) => {
  const scene = 'Breakfast at the kitchen table'
  const boardId = await boardOfShots(server.url, scene, [{ title: 'Logo' }, { title: '' }])
  const page = await newPerson({ viewport: { width: 1440, height: 900 } })
  await openPresent(page, server.url, boardId)
  const title = page.locator('.presentation-stage__title')
  const sceneName = page.locator('.presentation-stage__scene')

  await expect(title).toHaveText('Logo')
  await expect(sceneName).toHaveText(scene)
  await page.screenshot({ path: test.info().outputPath('short-title.png') })
  expect(await whole(sceneName), 'the scene whole beside a short title').toBe(true)

  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.presentation-stage__number')).toHaveText('1.2')
  await expect(title, 'as the canvas, the strip and the grid call it').toHaveText('Untitled shot')
  await page.screenshot({ path: test.info().outputPath('untitled.png') })
  expect(await whole(sceneName), 'the scene whole beside an untitled shot').toBe(true)
})

test('a shot whose picture is a video is named on the stage by its number and title, as a still one is', async ({ newPerson, server }) => {
  // The clip need not load: what is checked is what a screen reader hears for the stage's video.
  // Its request is held open (still loading): a clip that fails is marked "Picture unavailable" instead.
  const clip = (name: string): ShotMedia => ({ assetId: `asset:${name}` as never, src: `/api/assets/${name}.webm`, kind: 'video' })
  const boardId = await boardOfShots(server.url, 'Garage', [{ title: 'Ada opens the door', media: clip('door') }, { title: '', media: clip('car') }])
  const page = await newPerson()
  await page.route('**/api/assets/*.webm', () => {})
  await openPresent(page, server.url, boardId)
  const video = page.locator('.presentation-stage video')
  await expect(video).toHaveAccessibleName(`Shot 1.1 · ${isolatedName('Ada opens the door')}`)
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.presentation-stage__number')).toHaveText('1.2')
  await expect(video).toHaveAccessibleName('Shot 1.2 · Untitled shot')
})

test('a shot with no picture or sketch yet shows its frame in the shot’s aspect ratio, whole above the label and caption, also in a short window', async ({ newPerson, server }) => {
  const dialogue = 'JANE: Ahh. Now I can face the world, and the commute, and the emails, and everything else that the day throws at me before nine.'
  const boardId = await boardOfShots(server.url, 'Kitchen', [
    { title: 'First sip', action: 'Jane sips, eyes closed.', dialogue, aspect: '16:9' },
    { title: 'Story cut', action: 'Jane holds the cup up to the phone.', aspect: '9:16' },
  ])
  // A laptop's browser window, not maximised.
  const page = await newPerson({ viewport: { width: 1280, height: 640 } })
  await openPresent(page, server.url, boardId)
  const placeholder = page.locator('.presentation-stage__placeholder')
  const expectFrameWhole = async (aspect: number, name: string) => {
    await page.screenshot({ path: test.info().outputPath(`${name}.png`) })
    const box = (await placeholder.boundingBox())!
    const stage = (await page.locator('.presentation-stage').boundingBox())!
    const label = (await page.locator('.presentation-stage__label').boundingBox())!
    expect(box.y, `${name}: its top on the stage`).toBeGreaterThanOrEqual(stage.y)
    expect(box.y + box.height, `${name}: above the label`).toBeLessThanOrEqual(label.y)
    expect(box.width / box.height, `${name}: the shot's aspect ratio`).toBeCloseTo(aspect, 1)
  }
  await expect(placeholder).toHaveText('Jane sips, eyes closed.')
  await expectFrameWhole(16 / 9, 'shot-16-9')

  await page.keyboard.press('ArrowRight')
  await expect(placeholder).toHaveText('Jane holds the cup up to the phone.')
  await expectFrameWhole(9 / 16, 'shot-9-16')
})

test('Present’s tab is named after the board, as the board’s, the review page’s and the print view’s are, and follows a rename', async ({ newPerson, server }) => {
  const boardId = await boardOfShots(server.url, 'Kitchen', [{ title: 'Alarm rings' }])
  const page = await newPerson()
  await openPresent(page, server.url, boardId)
  // What a call's "share a tab" list and the browser's tabs show while the board is presented.
  await expect(page).toHaveTitle(`${isolatedName('Acme Coffee — Morning Ritual')} · Present · Storyloom`)

  const renamed = await fetch(`${server.url}/api/boards/${boardId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Acme Coffee — final' }) })
  expect(renamed.status).toBe(200)
  await expect(page).toHaveTitle(`${isolatedName('Acme Coffee — final')} · Present · Storyloom`)
})

test('a shot set to Dissolve in the inspector, with a Length of 24 frames, is marked in the strip, and Present paused inside the dissolve shows both pictures blended; stepped to, the shot alone', async ({ newPerson, server }) => {
  // Two 3-second shots: the dissolve into the second, 24 frames long, plays over its first second (3.0–4.0 s of 6 s).
  const boardId = await boardOfShots(server.url, 'Quay', [
    { title: 'Gulls', action: 'Gulls wheel over the empty quay.' },
    { title: 'Boat', action: 'A boat noses in through the fog.' },
  ])
  const page = await newPerson({ viewport: { width: 1440, height: 900 } })
  await openBoard(page, boardUrl(server.url, boardId))
  const cards = page.getByTestId('strip-shot')
  await cards.nth(1).getByRole('button', { name: /^Shot 1\.2/ }).click()
  const inspector = page.getByTestId('shot-inspector')
  await inspector.getByLabel('Transition in').selectOption('Dissolve')
  // Length, in frames at the board's 24 fps: empty for the usual 12; more than half the shot plays half, and says so.
  const length = inspector.getByLabel('Length (frames)')
  await expect(length).toHaveValue('')
  await expect(length).toHaveAttribute('placeholder', '12')
  await length.pressSequentially('48')
  await expect(length).toHaveAccessibleDescription('Plays 36 frames (1.5 s): never more than half the shot')
  // What was typed in the field undoes in one step, back to the usual length.
  await length.press('Escape')
  await page.keyboard.press('ControlOrMeta+z')
  await expect(length).toHaveValue('')
  await expect(length).toHaveAccessibleDescription('Usual length: 12 frames (0.5 s at 24 fps)')
  await length.fill('24')
  await expect(length).toHaveAccessibleDescription('1 s at 24 fps')
  const mark = cards.nth(1).getByRole('img', { name: 'Dissolve into 1.2' })
  await expect(mark).toBeVisible()
  await expect(mark).toHaveAttribute('title', 'Dissolve into 1.2')
  await expect(cards.nth(0).getByTestId('strip-shot-transition'), 'a cut shows nothing').toHaveCount(0)

  await openPresent(page, server.url, boardId)
  // Seek to 3.5 s, half way into the 1 s dissolve (the usual half second would be over), and stay paused there.
  const timeline = (await page.getByRole('slider', { name: 'Timeline' }).boundingBox())!
  await page.mouse.click(timeline.x + (timeline.width * 3.5) / 6, timeline.y + timeline.height / 2)
  await expect(page.locator('.presentation-controls__clock')).toHaveText(/^0:03\.[45] \/ 0:06\.0$/)
  const frame = page.locator('.presentation-stage__frame')
  await expect(frame).toHaveAttribute('data-transition', 'dissolve')
  await expect(frame.locator('.presentation-stage__outgoing'), 'the outgoing picture, under the incoming one').toContainText('Gulls wheel over the empty quay.')
  const incoming = frame.locator('.presentation-stage__incoming')
  await expect(incoming).toContainText('A boat noses in through the fog.')
  const opacity = Number(await incoming.evaluate((node) => getComputedStyle(node).opacity))
  expect(opacity, 'half way through the dissolve').toBeGreaterThan(0.2)
  expect(opacity).toBeLessThan(0.8)
  await page.screenshot({ path: test.info().outputPath('dissolve.png') })

  // Stepped to with ← →, the shot shows by itself.
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.presentation-stage__number')).toHaveText('1.2')
  await expect(frame).not.toHaveAttribute('data-transition')
  await expect(frame.locator('.presentation-stage__outgoing')).toHaveCount(0)
})

test('Guides during a dissolve from a 2.39:1 shot into a 16:9 one: one set, at full strength, over the incoming picture’s box; stepped to, the same', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Guides dissolve')
  const upload = async (png: Buffer) => ((await (await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(png) })).json()) as { url: string }).url
  const media = async (name: string, png: Buffer): Promise<ShotMedia> => ({ assetId: `asset:${name}` as never, src: await upload(png), kind: 'image' })
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const parentId = pagesOf(client.doc)[0]!.id as never
  const scene = createScene({ order: 'a1' as never, name: 'Quay' })
  // Two 3-second shots; the second dissolves in over its first second (3.0–4.0 s of 6 s).
  const scope = createShotShape({ parentId, index: 'a1' as never, props: { sceneId: scene.id, order: 'a1' as never, duration: 3, aspect: '2.39:1', media: await media('scope', solidPng(478, 200, [200, 60, 40])) } })
  const wide = createShotShape({
    parentId,
    index: 'a2' as never,
    x: 400,
    props: { sceneId: scene.id, order: 'a2' as never, duration: 3, aspect: '16:9', transitionIn: 'dissolve', transitionInSeconds: 1, media: await media('wide', solidPng(320, 180, [30, 90, 160])) },
  })
  client.doc.transact(() => putRecords(client.doc, [scene, scope, wide] as never))
  client.destroy()

  const page = await newPerson({ viewport: { width: 1440, height: 900 } })
  await openPresent(page, server.url, boardId)
  await page.keyboard.press('o')
  const timeline = (await page.getByRole('slider', { name: 'Timeline' }).boundingBox())!
  await page.mouse.click(timeline.x + (timeline.width * 3.5) / 6, timeline.y + timeline.height / 2)
  const frame = page.locator('.presentation-stage__frame')
  await expect(frame).toHaveAttribute('data-transition', 'dissolve')
  const guides = page.getByTestId('frame-guides')
  await expect(guides).toHaveCount(1)
  // Not inside either blended picture: not dimmed by the dissolve, not the outgoing shot's.
  expect(await guides.evaluate((svg) => svg.closest('.presentation-stage__outgoing, .presentation-stage__incoming'))).toBeNull()
  const incoming = page.locator('.presentation-stage__incoming img.presentation-stage__media')
  const expectOverIncoming = async () => {
    const [lines, picture] = [(await guides.boundingBox())!, (await incoming.boundingBox())!]
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(lines[key], `guides' ${key}, as the 16:9 picture's`).toBeCloseTo(picture[key], 0)
  }
  await expectOverIncoming()
  await page.screenshot({ path: test.info().outputPath('guides-dissolve.png') })
  // Stepped to, the shot alone: its guides where they were.
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowRight')
  await expect(frame).not.toHaveAttribute('data-transition')
  await expect(guides).toHaveCount(1)
  await expectOverIncoming()
})

test('a shot’s pan plays on its picture: paused at two points of the shot, the picture sits further along the pan; the grid and reduced motion leave it still', async ({ newPerson, server }) => {
  // A 3-second shot showing an uploaded image, with a fast pan to frame right drawn on it.
  const boardId = await createBoard(server.url, 'Harbour pan')
  const uploaded = await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(solidPng(320, 180, [30, 90, 160])) })
  const { url } = (await uploaded.json()) as { url: string }
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scene = createScene({ order: 'a1' as never, name: 'Harbour' })
  const shot = createShotShape({
    parentId: page.id as never,
    index: 'a1' as never,
    props: { sceneId: scene.id, order: 'a1' as never, title: 'The quay', media: { assetId: 'asset:quay' as never, src: url, kind: 'image' } },
  })
  const pan = { ...motionShape('pan', page.id, { kind: 'pan', direction: 0, speed: 1 }), index: 'a7' }
  client.doc.transact(() => putRecords(client.doc, [scene, shot, pan, bindingRecord('pan', 'annotation', 'pan', shot.id.replace('shape:', ''))] as never))
  client.destroy()

  const viewer = await newPerson({ viewport: { width: 1280, height: 800 } })
  await openPresent(viewer, server.url, boardId)
  await expect(viewer.locator('.presentation-stage__camera')).toHaveText('Camera Pan right, fast')
  const frame = viewer.locator('.presentation-stage__shot')
  const picture = frame.locator('img.presentation-stage__media')
  await expect(picture).toBeVisible()
  /** How far the picture's centre is right of its frame's centre, in frame widths. */
  const shift = async () => {
    const [box, own] = [(await frame.boundingBox())!, (await picture.boundingBox())!]
    return (own.x + own.width / 2 - (box.x + box.width / 2)) / box.width
  }
  // Paused on its first frame: the view starts on the picture's left, so the picture sits right of centre.
  expect(await shift(), 'at the start of the pan').toBeGreaterThan(0.05)
  await viewer.screenshot({ path: test.info().outputPath('pan-start.png') })
  const timeline = (await viewer.getByRole('slider', { name: 'Timeline' }).boundingBox())!
  await viewer.mouse.click(timeline.x + timeline.width * 0.9, timeline.y + timeline.height / 2)
  await expect(viewer.locator('.presentation-controls__clock')).toHaveText(/^0:02\.[67] \/ 0:03\.0$/)
  // Scrubbed near its end and held there: the view has travelled right, the picture slid left.
  await expect.poll(shift, { message: 'near the end of the pan' }).toBeLessThan(-0.05)
  await viewer.screenshot({ path: test.info().outputPath('pan-end.png') })

  // The grid's card never moves; a viewer who asked for reduced motion sees the shot still.
  await viewer.keyboard.press('g')
  await expect(viewer.locator('.presentation-grid img')).toHaveCSS('transform', 'none')
  await viewer.keyboard.press('g')
  await viewer.emulateMedia({ reducedMotion: 'reduce' })
  await expect.poll(shift, { message: 'under reduced motion' }).toBeCloseTo(0, 3)
})
