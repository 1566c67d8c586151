import type { Locator, Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { createBoard } from './support/boardPage'
import { textContrasts } from './support/contrast'
import { expect, test } from './support/fixtures'
import { screenPixels } from './support/screenPixels'
import { bindingRecord, motionShape, pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

// What a client (and the team presenting) reads about each shot: its camera moves, its name when
// untitled, its status (not the team's "Draft"), and the keys that open the grid.

/** The untitled shot's dialogue: five lines on a phone held sideways. */
const LONG_DIALOGUE =
  'MAYA: I have been thinking about this for a long time, and honestly, nothing else comes close to the first cup of the morning when the light hits the table just right and everything feels possible.'

/** A scene named as a slugline: longer than 40% of the stage at 1280×800, shorter than the room beside a short title. */
const SCENE = 'INT. LUMEN ROASTERY, TASTING ROOM — EARLY MORNING'

/**
 * A board of three shots, written over sync: 1.1 "Skyline" (a draft, craning down as its camera
 * fields say), 1.2 untitled (in review, a long dialogue, a slow pan left and a fast dolly in drawn on it), 1.3
 * "Cup" (approved). Returns the board's id and the path of a review link to it.
 */
async function boardWithMoves(serverUrl: string): Promise<{ boardId: string; path: string }> {
  // Named and labelled at length, as agencies do: the review header must still fit its buttons.
  const boardId = await createBoard(serverUrl, 'Lumen Coffee — 30s spot, director’s cut for the spring campaign (v3)')
  const client = connectClient(syncUrlOf(serverUrl), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scene = createScene({ order: 'a1' as never, name: SCENE })
  const shot = (i: number, props: Parameters<typeof createShotShape>[0]['props']) =>
    createShotShape({ parentId: page.id as never, index: 'a1' as never, x: i * 400, props: { sceneId: scene.id, order: `a${i + 1}` as never, ...props } })
  const shots = [
    shot(0, { title: 'Skyline', status: 'draft', camera: { shotSize: 'ews', angle: 'high', lensMm: 24, movement: 'crane-down' } }),
    shot(1, { title: '', status: 'in-review', dialogue: LONG_DIALOGUE }),
    shot(2, { title: 'Cup', status: 'approved' }),
  ]
  const untitled = shots[1]!.id.replace('shape:', '')
  const moves = [
    { ...motionShape('pan', page.id, { kind: 'pan', direction: 180, speed: 0.1 }), index: 'a7', x: 400 },
    { ...motionShape('dolly', page.id, { kind: 'dolly-in', speed: 0.9 }), index: 'a8', x: 400 },
  ]
  const bindings = [bindingRecord('pan', 'annotation', 'pan', untitled), bindingRecord('dolly', 'annotation', 'dolly', untitled)]
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots, ...moves, ...bindings] as never))
  client.destroy()
  const created = await fetch(`${serverUrl}/api/boards/${boardId}/share-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Sarah Okafor, brand director — final round', expiresAt: null, passcode: null }),
  })
  expect(created.status).toBe(201)
  return { boardId, path: ((await created.json()) as { path: string }).path }
}

/** How many CSS pixels at the top of a control show the page's background (#111214) above the control's drawn face. */
async function clearAboveFace(page: Page, control: Locator): Promise<number> {
  const shot = await screenPixels(page, control)
  const background = ([r, g, b]: number[]) => Math.abs(r! - 17) <= 3 && Math.abs(g! - 18) <= 3 && Math.abs(b! - 20) <= 3
  let rows = 0
  rowLoop: for (; rows < shot.height; rows++) {
    for (let x = 0; x < shot.width; x++) if (!background(shot.at(x, rows))) break rowLoop
  }
  return rows / shot.devicePixelRatio
}

/** The grid's card of the shot numbered `number`. */
const card = (page: Page, number: string) => page.locator('.presentation-grid__card').filter({ has: page.locator('.presentation-grid__number', { hasText: number }) })

test('a client sees each shot’s camera moves, an untitled shot named as on the stage, no “Draft”, open comments and drawings marked on the grid, and G opens the grid with Caps Lock or Shift', async ({ newPerson, server }) => {
  const { boardId, path } = await boardWithMoves(server.url)
  const client = await newPerson({ viewport: { width: 1280, height: 800 } })
  await client.goto(server.url + path)
  const stageCamera = client.locator('.presentation-stage__camera')
  await expect(client.locator('.presentation-stage__number')).toHaveText('1.1', { timeout: 45_000 })
  await expect(stageCamera, 'the move chosen in the shot’s camera fields').toHaveText('Camera Crane down')

  await client.keyboard.press('ArrowRight')
  await expect(client.locator('.presentation-stage__title')).toHaveText('Untitled shot')
  await expect(stageCamera, 'the moves drawn on the shot, in drawing order').toHaveText('Camera Pan left, slow · Dolly in, fast')
  await expect(client.locator('.review-panel__shot'), 'named as the stage names it').toHaveText('Shot 1.2 · Untitled shot')
  await client.screenshot({ path: test.info().outputPath('stage-moves.png') })
  await client.getByLabel('Your name').fill('Sarah')
  await client.getByLabel(/Comment on shot 1\.2/).fill('Slower pan?')
  await client.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(client.locator('.review-panel .comment__body')).toHaveText('Slower pan?')

  // Caps Lock on gives "G" without Shift; Shift gives it too. Neither may be ignored.
  await client.keyboard.press('G')
  await expect(client.locator('.presentation')).toHaveAttribute('data-view', 'grid')
  await client.keyboard.press('Shift+G')
  await expect(client.locator('.presentation')).toHaveAttribute('data-view', 'player')
  await client.keyboard.press('Shift+G')
  await expect(client.locator('.presentation')).toHaveAttribute('data-view', 'grid')
  await client.screenshot({ path: test.info().outputPath('grid.png') })

  await expect(card(client, '1.2').locator('.presentation-grid__camera')).toHaveText('Camera Pan left, slow · Dolly in, fast')
  await expect(card(client, '1.1').locator('.presentation-grid__camera')).toHaveText('Camera Crane down')
  await expect(card(client, '1.1'), 'a draft is the team’s business').not.toContainText('Draft')
  await expect(card(client, '1.2').locator('.presentation-grid__status')).toHaveText('In review')
  await expect(card(client, '1.3').locator('.presentation-grid__status')).toHaveText('Approved')

  // Where the discussion is: each card counts its shot's open comment threads, live, as the canvas badges do.
  const comments = (number: string) => card(client, number).getByTestId('grid-shot-comments')
  await expect(comments('1.2')).toHaveAccessibleName('1 open comment thread')
  await expect(comments('1.2')).toHaveText('1')
  await expect(card(client, '1.2')).toHaveAccessibleName(/1 open comment thread/)
  await expect(comments('1.1')).toHaveCount(0)
  await expect(comments('1.3')).toHaveCount(0)
  const shotId = (await card(client, '1.2').getAttribute('data-shot-id'))!
  const token = path.split('/').pop()!
  const second = await fetch(`${server.url}/api/review/${token}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ anchor: { kind: 'shot', shotId }, body: 'And warmer light', markup: { strokes: [{ color: 'red', points: [[0.2, 0.2], [0.6, 0.5]] }] }, mentions: [], authorName: 'Sarah' }),
  })
  expect(second.status).toBe(201)
  await expect(comments('1.2')).toHaveAccessibleName('2 open comment threads')
  // Where someone drew: the pencil the strip card and the canvas badge show, named, live.
  const drawings = card(client, '1.2').getByTestId('grid-shot-drawings')
  await expect(drawings).toHaveAccessibleName('1 comment with a drawing')
  await expect(drawings).toHaveText('1')
  await expect(card(client, '1.2')).toHaveAccessibleName(/2 open comment threads.*1 comment with a drawing/)
  await expect(client.getByTestId('grid-shot-drawings'), 'only where someone drew').toHaveCount(1)
  expect((await textContrasts(comments('1.2'))).filter((c) => c.ratio < 4.5), 'WCAG AA on the yellow mark').toEqual([])
  // The team resolves both: the card says so, without a reload.
  const { threads } = (await (await fetch(`${server.url}/api/boards/${boardId}/comments`)).json()) as { threads: { id: string }[] }
  for (const { id } of threads) {
    const resolved = await fetch(`${server.url}/api/boards/${boardId}/comments/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resolved: true, authorName: 'Dana' }),
    })
    expect(resolved.status).toBe(200)
  }
  await expect(comments('1.2')).toHaveAccessibleName('2 comments, all resolved')
  await expect(comments('1.2')).toHaveText('✓')
  expect((await textContrasts(comments('1.2'))).filter((c) => c.ratio < 4.5), 'WCAG AA on the grey mark').toEqual([])
  await client.screenshot({ path: test.info().outputPath('grid-comments.png') })

  // With Ctrl the key is the browser's: the grid stays.
  await client.keyboard.press('Control+g')
  await expect(client.locator('.presentation')).toHaveAttribute('data-view', 'grid')

  // Beside a short title the long scene has the room the row has (it was cut at 40% of it).
  await card(client, '1.3').click()
  await expect(client.locator('.presentation-stage__title')).toHaveText('Cup')
  const sceneName = client.locator('.presentation-stage__scene')
  await expect(sceneName).toHaveText(SCENE)
  expect(await sceneName.evaluate((node) => node.scrollWidth <= node.clientWidth), 'the scene whole').toBe(true)
})

test('the team presenting sees the camera moves too, every status, and an untitled shot’s comments headed by its name', async ({ newPerson, server }) => {
  const { boardId } = await boardWithMoves(server.url)
  const team = await newPerson({ viewport: { width: 1280, height: 800 } })
  await team.goto(`${server.url}/b/${boardId}/present`)
  await expect(team.locator('.presentation-stage__number')).toHaveText('1.1', { timeout: 45_000 })
  await team.keyboard.press('ArrowRight')
  await expect(team.locator('.presentation-stage__camera')).toHaveText('Camera Pan left, slow · Dolly in, fast')
  await expect(team.locator('.review-panel__shot')).toHaveText('Shot 1.2 · Untitled shot')
  await team.keyboard.press('g')
  await expect(card(team, '1.1').locator('.presentation-grid__status')).toHaveText('Draft')
})

test('held sideways, a shot with a long dialogue keeps a picture the client can see, the whole dialogue still there to read', async ({ newPerson, server }) => {
  const { path } = await boardWithMoves(server.url)
  const client = await newPerson({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  await client.goto(server.url + path)
  await expect(client.locator('.presentation-stage__number')).toHaveText('1.1', { timeout: 45_000 })
  await client.keyboard.press('ArrowRight')
  const caption = client.locator('.presentation-stage__caption')
  await expect(caption).toHaveText(LONG_DIALOGUE)
  await client.screenshot({ path: test.info().outputPath('sideways.png') })

  // The header's Print / PDF is a 44 px tap target filling the header's row, but its face is
  // drawn clear of the screen's top edge (it was flush against it).
  const print = client.getByRole('link', { name: 'Print / PDF' })
  expect((await print.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  expect(await clearAboveFace(client, print), 'room above the button').toBeGreaterThanOrEqual(4)
  // On a tablet (1024×768) the long name and label take the ellipsis; the button keeps its text on one line, inside its box.
  await client.setViewportSize({ width: 1024, height: 768 })
  // Its text's lines, and whether they sit inside its box (its drawn face overhangs by a pixel: scrollWidth would count that).
  const fits = (node: Element) => {
    const text = document.createRange()
    text.selectNodeContents(node)
    const [lines, box, inner] = [text.getClientRects().length, node.getBoundingClientRect(), text.getBoundingClientRect()]
    return { lines, inside: inner.left >= box.left && inner.right <= box.right && inner.top >= box.top && inner.bottom <= box.bottom }
  }
  await expect.poll(() => print.evaluate(fits), { message: 'Print / PDF fits its text' }).toEqual({ lines: 1, inside: true })
  expect(await client.locator('.presentation__title').evaluate((node) => node.scrollWidth > node.clientWidth), 'the title is cut').toBe(true)
  await client.setViewportSize({ width: 844, height: 390 })

  const frame = (await client.locator('.presentation-stage__placeholder').boundingBox())!
  // The stage is about 260 px high: a five-line caption left the 16:9 frame under 100 px.
  expect(frame.height, 'the picture is more than a thumbnail').toBeGreaterThanOrEqual(140)
  const label = (await client.locator('.presentation-stage__label').boundingBox())!
  expect(frame.y + frame.height, 'the frame above the label').toBeLessThanOrEqual(label.y + 1)
  // What does not fit scrolls: its last words can be brought into view.
  await caption.evaluate((node) => node.scrollTo({ top: node.scrollHeight }))
  const box = (await caption.boundingBox())!
  const controls = (await client.locator('.presentation-controls').boundingBox())!
  expect(box.y + box.height, 'the caption above the controls').toBeLessThanOrEqual(controls.y + 1)
  expect(await caption.evaluate((node) => node.scrollTop + node.clientHeight >= node.scrollHeight - 1)).toBe(true)
})
