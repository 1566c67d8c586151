import type { Page } from '@playwright/test'
import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { boardUrl, createBoard, expectConnection, twoPeopleOnBoard } from './support/boardPage'
import { shotsOnPage as shots } from './support/editorState'
import { expect, test } from './support/fixtures'
import {
  addScene,
  dragCard,
  expectStripNumbers,
  newShotId,
  openBoardWithStrip,
  selectedIds,
  sequenceStrip,
  shotInView,
  stripCard,
  stripIds,
  stripOrder,
  canvasRow,
  shotPositions,
  twoPeopleWithSceneOfShots,
  leaveNewShotTitle,
} from './support/sequenceStrip'
import { solidPng } from './support/pngImage'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'
import { isolatedName } from '@storyloom/shared/api/typedName'

// A fixed port, so open pages reconnect by themselves when a test restarts the server.
test.use({ serverOptions: { fixedPort: true } })

test.setTimeout(180_000)

test('shots in scenes: reorder in the strip, insert, step with the keys — live in both browsers and after a reload', async ({ newPerson, server }) => {
  const { url, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Rooftop chase', { open: openBoardWithStrip })
  await expect(sequenceStrip(ada)).toContainText('No shots yet')

  // Ada makes a scene and adds its first shot from the scene's empty drop zone.
  await addScene(ada, 'Rooftop', 'EXT. ROOFTOP – NIGHT')
  await sequenceStrip(ada).getByRole('button', { name: /Add shot/ }).click()
  const a = await newShotId(ada, [])
  expect(await selectedIds(ada)).toEqual([a])
  await leaveNewShotTitle(ada)

  // Shift+S: a new shot right after the selected one, selected.
  await ada.keyboard.press('Shift+S')
  const b = await newShotId(ada, [a])
  expect(await selectedIds(ada)).toEqual([b])
  await leaveNewShotTitle(ada)
  await ada.keyboard.press('Shift+S')
  const c = await newShotId(ada, [a, b])
  await leaveNewShotTitle(ada)
  await expectStripNumbers(ada, ['1.1', '1.2', '1.3'])
  expect(await stripIds(ada)).toEqual([a, b, c])
  await expect.poll(() => stripIds(ben)).toEqual([a, b, c])
  await expect(sequenceStrip(ben)).toContainText('EXT. ROOFTOP – NIGHT')
  await ada.screenshot({ path: test.info().outputPath('strip-three-shots.png') })

  // Ada drags 1.3 in front of 1.1: numbering follows the new order in both browsers.
  await dragCard(ada, c, a, 'before')
  await expect.poll(() => stripIds(ada)).toEqual([c, a, b])
  await expect.poll(() => stripOrder(ben)).toEqual([
    [c, '1.1'],
    [a, '1.2'],
    [b, '1.3'],
  ])

  // Insert a shot after 1.2 (that is `a`) from the strip.
  await stripCard(ada, a).hover()
  await stripCard(ada, a).getByRole('button', { name: 'Insert shot after 1.2' }).click()
  const d = await newShotId(ada, [a, b, c])
  await expect.poll(() => stripIds(ben)).toEqual([c, a, d, b])

  // Step through the sequence with Page Up / Page Down from a shot clicked in the strip.
  await stripCard(ada, c).getByRole('button', { name: /^Shot 1\.1/ }).click()
  expect(await selectedIds(ada)).toEqual([c])
  await ada.keyboard.press('PageDown')
  await expect.poll(() => selectedIds(ada)).toEqual([a])
  await ada.keyboard.press('PageDown')
  await expect.poll(() => selectedIds(ada)).toEqual([d])
  await ada.keyboard.press('PageUp')
  await expect.poll(() => selectedIds(ada)).toEqual([a])
  await expect(stripCard(ada, a)).toHaveAttribute('data-selected', 'true')

  // Enter edits the selected shot's title.
  await ada.keyboard.press('Enter')
  await expect(ada.getByLabel('Shot title')).toBeFocused()
  await ada.keyboard.type('Ada reaches the edge')
  await ada.keyboard.press('Enter')
  await expect(stripCard(ben, a)).toContainText('Ada reaches the edge')

  // A second scene; Ada drags a shot into it (its empty drop zone), which renumbers both scenes.
  await addScene(ada, 'Stairwell')
  const stairwell = sequenceStrip(ada).getByTestId('strip-scene').filter({ hasText: 'Stairwell' })
  await stripCard(ada, b).dragTo(stairwell.getByRole('button', { name: /Add shot/ }))
  await expect.poll(() => stripOrder(ben)).toEqual([
    [c, '1.1'],
    [a, '1.2'],
    [d, '1.3'],
    [b, '2.1'],
  ])

  // Undo takes the move back, for everyone; redo redoes it.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => stripOrder(ben)).toEqual([
    [c, '1.1'],
    [a, '1.2'],
    [d, '1.3'],
    [b, '1.4'],
  ])
  await ada.keyboard.press('Control+Shift+z')
  await expectStripNumbers(ben, ['1.1', '1.2', '1.3', '2.1'])

  // The letter style is a board setting: Ben switches it, Ada's numbers follow.
  await sequenceStrip(ben).getByLabel('Numbering').selectOption('letter')
  await expectStripNumbers(ada, ['1A', '1B', '1C', '2A'])
  await expect(ada.locator('.shot-panel').getByTestId('shot-number')).toHaveText(['1A', '1B', '1C', '2A'].map(() => /\d[A-Z]/))
  // So are frame guides: Ben turns on thirds, and every shot frame on Ada's canvas shows them.
  await expect(ada.getByTestId('frame-guides')).toHaveCount(0)
  await sequenceStrip(ben).getByLabel('Frame guides').selectOption('thirds')
  await expect(ada.locator('.shot-panel__frame').getByTestId('frame-guides')).toHaveCount(4)
  // Each frame's two upright and two level thirds lines.
  await expect(ada.locator('.shot-panel__frame [data-guides="thirds"] [data-role="third"]')).toHaveCount(16)
  // Undo takes them away for everyone, redo brings them back.
  await ben.keyboard.press('Control+z')
  await expect(ada.getByTestId('frame-guides')).toHaveCount(0)
  await ben.keyboard.press('Control+Shift+z')
  await expect(ada.getByTestId('frame-guides')).toHaveCount(4)
  await ada.screenshot({ path: test.info().outputPath('strip-two-scenes.png') })

  // A reload finds everything.
  await openBoardWithStrip(ben, url)
  await expect.poll(() => stripOrder(ben)).toEqual([
    [c, '1A'],
    [a, '1B'],
    [d, '1C'],
    [b, '2A'],
  ])
  await expect(sequenceStrip(ben)).toContainText('Stairwell')
  await expect(stripCard(ben, a)).toContainText('Ada reaches the edge')
  await expect(sequenceStrip(ben).getByLabel('Frame guides')).toHaveValue('thirds')
})

test('at 1024 px wide, a shot made with Shift+S is brought into view clear of the shot inspector', async ({ newPerson, server }) => {
  const ada = await newPerson()
  await ada.setViewportSize({ width: 1024, height: 768 })
  await openBoardWithStrip(ada, boardUrl(server.url, await createBoard(server.url, 'Narrow')))
  const made: string[] = []
  for (let i = 0; i < 4; i++) {
    await ada.keyboard.press('Shift+S')
    made.push(await newShotId(ada, made))
    await leaveNewShotTitle(ada)
    // Each new shot (placed to the right of the last) ends whole on screen and clear of the inspector.
    const shot = ada.locator(`.tl-shape[data-shape-id="${made.at(-1)}"]`)
    await expect
      .poll(async () => {
        const [s, inspector] = [await shot.boundingBox(), await ada.getByTestId('shot-inspector').boundingBox()]
        return !!s && !!inspector && s.x >= 0 && s.x + s.width <= inspector.x
      })
      .toBe(true)
  }
})

test('two people reordering at the same moment end with the same order on every screen', async ({ newPerson, server }) => {
  test.setTimeout(180_000)
  const { ada, ben, ids } = await twoPeopleWithSceneOfShots(newPerson, server.url, 5)
  const [a, b, c, d, e] = ids as [string, string, string, string, string]

  // With the server gone, neither can see the other's move: both reorder from the same order.
  await server.stop()
  await expectConnection(ada, 'offline')
  await expectConnection(ben, 'offline')
  await dragCard(ada, e, a, 'before')
  await dragCard(ben, a, c, 'after')
  await expect.poll(() => stripIds(ada)).toEqual([e, a, b, c, d])
  await expect.poll(() => stripIds(ben)).toEqual([b, c, a, d, e])

  // Back online, both moves survive and both screens agree, numbers included.
  await server.restart()
  await expectConnection(ada, 'connected')
  await expectConnection(ben, 'connected')
  const converged: [string, string][] = [
    [e, '1.1'],
    [b, '1.2'],
    [c, '1.3'],
    [a, '1.4'],
    [d, '1.5'],
  ]
  await expect.poll(() => stripOrder(ada)).toEqual(converged)
  await expect.poll(() => stripOrder(ben)).toEqual(converged)

  // And live: both drag at once while connected; whatever the interleaving, one order results.
  await Promise.all([dragCard(ada, d, e, 'before'), dragCard(ben, b, a, 'after')])
  await expect.poll(async () => JSON.stringify(await stripOrder(ada)) === JSON.stringify(await stripOrder(ben))).toBe(true)
  expect((await stripIds(ada))[0]).toBe(d)
  expect((await stripOrder(ada)).map(([, n]) => n)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5'])
})

test('two people reordering one scene at the same moment end with one shot to each canvas slot, the row reading in the merged order', async ({
  newPerson,
  server,
}) => {
  test.setTimeout(240_000)
  const { ada, ben, ids } = await twoPeopleWithSceneOfShots(newPerson, server.url, 5)
  const [a, b, c, d, e] = ids as [string, string, string, string, string]

  // Offline, Ada moves a after c (b, c, a take the first three slots) and Ben e before c (e, c, d
  // the last three): c is moved by both, and whichever of its two places the merge keeps, one of
  // a and e lands on a slot the other person's move gave to another shot.
  await server.stop()
  await expectConnection(ada, 'offline')
  await expectConnection(ben, 'offline')
  await dragCard(ada, a, c, 'after')
  await dragCard(ben, e, c, 'before')
  await expect.poll(() => canvasRow(ada, b)).toEqual([b, c, a, d, e])
  await expect.poll(() => canvasRow(ben, a)).toEqual([a, b, e, c, d])

  await server.restart()
  await expectConnection(ada, 'connected')
  await expectConnection(ben, 'connected')
  const merged = [b, e, c, a, d]
  await expect.poll(() => stripIds(ada)).toEqual(merged)
  await expect.poll(() => stripIds(ben)).toEqual(merged)
  // One shot to a slot, left to right in the merged order, at the same places on both screens.
  const slots = async (page: Page) => {
    const at = await shotPositions(page)
    return merged.map((id) => at[id]!)
  }
  const inOrder = (row: { x: number; y: number }[]) => row.every((p, i) => p.y === row[0]!.y && (i === 0 || p.x > row[i - 1]!.x))
  await expect.poll(async () => inOrder(await slots(ada))).toBe(true)
  await expect.poll(async () => JSON.stringify(await slots(ben))).toBe(JSON.stringify(await slots(ada)))
})

test('a board of 500 shots: the strip draws only what is in view, with images, and finds the last shot', async ({ newPerson, server }) => {
  test.setTimeout(180_000)
  const boardId = await createBoard(server.url, 'Feature')
  const api = createApiClient(server.url)
  const png = solidPng(64, 36, [200, 80, 40])
  const uploaded = await api.api.boards[':boardId'].assets.$post(
    { param: { boardId } },
    { init: { body: new Uint8Array(png), headers: { 'Content-Type': 'image/png' } } },
  )
  const image = assetResponseSchema.parse(await uploaded.json())

  // Someone's client (an import, another tool) writes 5 scenes of 100 shots in one go.
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scenes = [1, 2, 3, 4, 5].map((n) => createScene({ order: `a${n}` as never, name: `Scene ${n}` }))
  // Fractional index keys with a two-digit integer part ("b00", "b01", …): 100 in order.
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  const keys = Array.from({ length: 100 }, (_, i) => `b${digits[Math.floor(i / 62)]}${digits[i % 62]}` as never)
  const shotsToWrite = scenes.flatMap((scene, s) =>
    keys.map((order, i) =>
      createShotShape({
        parentId: page.id as never,
        index: 'a1' as never,
        x: i * 360,
        y: s * 400,
        props: {
          sceneId: scene.id,
          order,
          title: `Shot ${s + 1}-${i + 1}`,
          ...(s === 0 && i === 0 ? { media: { assetId: `asset:${image.id}` as never, src: image.url, kind: 'image' as const } } : {}),
        },
      }),
    ),
  )
  client.doc.transact(() => putRecords(client.doc, [...scenes, ...shotsToWrite] as never))
  const last = shotsToWrite.at(-1)!

  const ada = await newPerson()
  await openBoardWithStrip(ada, boardUrl(server.url, boardId))
  await expect(ada.getByTestId('sequence-shot-count')).toHaveText('5 scenes · 500 shots')
  await expect(ada.getByTestId('sequence-runtime')).toContainText('25:00')
  const firstCard = stripCard(ada, shotsToWrite[0]!.id)
  await expect(firstCard.locator('img')).toHaveAttribute('src', image.url)
  expect(await sequenceStrip(ada).getByTestId('strip-shot').count()).toBeLessThan(30)
  await ada.screenshot({ path: test.info().outputPath('strip-500-shots.png') })

  // Scrolled to the end, the last shot is there, numbered 5.100; clicking it brings it into view.
  await sequenceStrip(ada).locator('.sequence-strip__track').evaluate((track) => track.scrollTo({ left: track.scrollWidth }))
  await expect(stripCard(ada, last.id).getByTestId('strip-shot-number')).toHaveText('5.100')
  expect(await sequenceStrip(ada).getByTestId('strip-shot').count()).toBeLessThan(30)
  await stripCard(ada, last.id).getByRole('button', { name: /^Shot 5\.100/ }).click()
  await expect.poll(() => selectedIds(ada)).toEqual([last.id])
  await expect.poll(() => shotInView(ada, last.id)).toBe(true)
  client.destroy()
})
