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

  // Shift+S: a new shot right after the selected one, selected.
  await ada.keyboard.press('Shift+S')
  const b = await newShotId(ada, [a])
  expect(await selectedIds(ada)).toEqual([b])
  await ada.keyboard.press('Shift+S')
  const c = await newShotId(ada, [a, b])
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
})

test('at 1024 px wide, a shot made with Shift+S is brought into view clear of the shot inspector', async ({ newPerson, server }) => {
  const ada = await newPerson()
  await ada.setViewportSize({ width: 1024, height: 768 })
  await openBoardWithStrip(ada, boardUrl(server.url, await createBoard(server.url, 'Narrow')))
  const made: string[] = []
  for (let i = 0; i < 4; i++) {
    await ada.keyboard.press('Shift+S')
    made.push(await newShotId(ada, made))
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

/** Opens a board on the server for two people and gives it one scene of `count` shots made by Ada. */
async function sceneOfShots(newPerson: () => Promise<Page>, serverUrl: string, count: number) {
  const { url, ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Two editors', { open: openBoardWithStrip })
  await addScene(ada, 'Chase')
  await sequenceStrip(ada).getByRole('button', { name: /Add shot/ }).click()
  const ids = [await newShotId(ada, [])]
  while (ids.length < count) {
    await ada.keyboard.press('Shift+S')
    ids.push(await newShotId(ada, ids))
  }
  await expect.poll(() => stripIds(ben)).toEqual(ids)
  return { url, ada, ben, ids }
}

test('two people reordering at the same moment end with the same order on every screen', async ({ newPerson, server }) => {
  test.setTimeout(180_000)
  const { ada, ben, ids } = await sceneOfShots(newPerson, server.url, 5)
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

test('a scene heading in the strip names the scene first, then its slugline, on its one line', async ({ newPerson, server }) => {
  const page = await newPerson()
  await openBoardWithStrip(page, boardUrl(server.url, await createBoard(server.url, 'Market day')))
  // Two scenes at one place: only their names tell them apart.
  await addScene(page, 'Market chase', 'EXT. MARKET – DAY')
  await sequenceStrip(page).getByRole('button', { name: /Add shot/ }).click()
  const first = await newShotId(page, [])
  await page.keyboard.press('Shift+S')
  const second = await newShotId(page, [first])
  await page.keyboard.press('Shift+S')
  await newShotId(page, [first, second])
  await addScene(page, 'Market escape', 'EXT. MARKET – DAY')

  const heading = sequenceStrip(page).getByRole('button', {
    name: `Scene 1: ${isolatedName('Market chase')}, ${isolatedName('EXT. MARKET – DAY')}. Edit scene`,
  })
  await expect(heading).toBeVisible()
  const parts = await heading.evaluate((button) => {
    const part = (selector: string) => {
      const el = button.querySelector<HTMLElement>(selector)!
      const box = el.getBoundingClientRect()
      return { text: el.textContent, left: box.left, right: box.right, middle: box.top + box.height / 2, whole: el.scrollWidth <= el.clientWidth }
    }
    const band = button.closest('[data-testid="strip-scene"]')!.getBoundingClientRect()
    return { name: part('.strip-group__name'), slugline: part('.strip-group__slugline'), height: button.getBoundingClientRect().height, bandRight: band.right, right: button.getBoundingClientRect().right }
  })
  expect(parts.name).toMatchObject({ text: 'Market chase', whole: true })
  expect(parts.slugline).toMatchObject({ text: 'EXT. MARKET – DAY', whole: true })
  // Name first, the slugline after it on the same line; the heading keeps its height and band.
  expect(parts.name.right).toBeLessThanOrEqual(parts.slugline.left)
  expect(Math.abs(parts.name.middle - parts.slugline.middle)).toBeLessThan(2)
  expect(parts.height).toBe(24)
  expect(parts.right).toBeLessThanOrEqual(parts.bandRight + 0.5)
  // A scene without shots has no cards to make room: its band widens to its whole heading…
  const empty = sequenceStrip(page).getByRole('button', {
    name: `Scene 2: ${isolatedName('Market escape')}, ${isolatedName('EXT. MARKET – DAY')}. Edit scene`,
  })
  const whole = (button: typeof empty, part: string) => button.locator(part).evaluate((el) => el.scrollWidth <= el.clientWidth)
  expect(await whole(empty, '.strip-group__name')).toBe(true)
  expect(await whole(empty, '.strip-group__slugline')).toBe(true)
  // …up to a point: past it the slugline gives way to the name first, both end in an ellipsis
  // (never a lone clipped letter), and the heading's tooltip has it all.
  await addScene(page, 'The getaway through the old harbour district at night', 'EXT. HARBOUR – NIGHT')
  const long = sequenceStrip(page).getByRole('button', { name: /^Scene 3: / })
  await expect(long).toHaveAttribute('title', `Scene 3: ${isolatedName('The getaway through the old harbour district at night')} — ${isolatedName('EXT. HARBOUR – NIGHT')}. Edit scene`)
  const width = (part: string) => long.locator(part).evaluate((el) => el.clientWidth)
  expect(await width('.strip-group__name')).toBeGreaterThan(3 * (await width('.strip-group__slugline')))
  expect(await width('.strip-group__slugline')).toBeGreaterThanOrEqual(20)
  expect(await long.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(
    await long.evaluate((el) => el.closest('[data-testid="strip-scene"]')!.getBoundingClientRect().right + 0.5),
  )
  await page.screenshot({ path: test.info().outputPath('strip-scene-names.png') })
  // The shot inspector's scene picker tells the two market scenes apart the same way.
  await stripCard(page, first).click()
  const picker = page.getByTestId('shot-inspector').getByLabel('Scene')
  await expect(picker.locator('option')).toHaveText([
    'No scene',
    `1 — ${isolatedName('Market chase')} · ${isolatedName('EXT. MARKET – DAY')}`,
    `2 — ${isolatedName('Market escape')} · ${isolatedName('EXT. MARKET – DAY')}`,
    `3 — ${isolatedName('The getaway through the old harbour district at night')} · ${isolatedName('EXT. HARBOUR – NIGHT')}`,
  ])
})

test('a shot moved to another scene in the inspector moves to that scene’s row on the canvas, for both people, and undo puts it back', async ({
  newPerson,
  server,
}) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Bank job', { open: openBoardWithStrip })
  await addScene(ada, 'Bank')
  await ada.keyboard.press('Shift+S')
  const bank = [await newShotId(ada, [])]
  await ada.keyboard.press('Shift+S')
  bank.push(await newShotId(ada, bank))
  await addScene(ada, 'Vault')
  await ada.keyboard.press('Shift+S')
  const vault = await newShotId(ada, bank)
  const shot = async (page: Page, id: string) => (await shots(page)).find((s) => s.id === id)!
  const lastOfVault = await shot(ada, vault)
  // The vault's row is below the bank's, as an art director lays scenes out.
  const where = async (page: Page, id: string) => {
    const { x, y } = await shot(page, id)
    return { x: Math.round(x), y: Math.round(y) }
  }
  const before = await where(ada, bank[0]!)
  await ada.evaluate(
    ([id, y]) => {
      ;(window as unknown as { editor: { updateShapes(s: unknown[]): void } }).editor.updateShapes([{ id, type: 'shot', y }])
    },
    [vault, before.y + 800] as const,
  )
  await expect.poll(() => where(ben, vault)).toEqual({ x: Math.round(lastOfVault.x), y: before.y + 800 })

  await stripCard(ada, bank[0]!).click()
  await ada.getByTestId('shot-inspector').getByLabel('Scene').selectOption({ label: `2 — ${isolatedName('Vault')}` })
  await expectStripNumbers(ben, ['1.1', '2.1', '2.2'])
  // On the vault's row, after its last shot, on both screens.
  for (const page of [ada, ben]) {
    await expect.poll(async () => (await where(page, bank[0]!)).y).toBe(before.y + 800)
    expect((await where(page, bank[0]!)).x).toBeGreaterThan(Math.round(lastOfVault.x + (lastOfVault.props as { w: number }).w))
  }
  await ada.getByRole('button', { name: 'Undo' }).first().click()
  await expectStripNumbers(ben, ['1.1', '1.2', '2.1'])
  for (const page of [ada, ben]) await expect.poll(() => where(page, bank[0]!)).toEqual(before)
})

test('scenes are edited live, deleting one keeps its shots (undoably), impossible names are refused, the strip collapses', async ({
  newPerson,
  server,
}) => {
  test.setTimeout(180_000)
  const { ada, ben, ids } = await sceneOfShots(newPerson, server.url, 2)
  const [a, b] = ids as [string, string]

  // Ada edits the scene: slugline, time of day and colour reach Ben's strip.
  await sequenceStrip(ada).getByRole('button', { name: `Scene 1: ${isolatedName('Chase')}. Edit scene` }).click()
  const sceneEditor = ada.getByTestId('scene-editor')
  await sceneEditor.getByLabel('Slugline').fill('EXT. MARKET – DAY')
  await sceneEditor.getByLabel('Time of day').selectOption('day')
  await sceneEditor.getByRole('radio', { name: 'Orange' }).click()
  await expect(sequenceStrip(ben).getByTestId('strip-scene')).toContainText('EXT. MARKET – DAY')
  await ada.screenshot({ path: test.info().outputPath('scene-editor.png') })

  // A name longer than the board accepts is refused with a message, never cut silently.
  await sceneEditor.getByLabel('Name').fill('x'.repeat(200))
  await expect(sceneEditor.getByRole('alert')).toHaveText('Name can be at most 200 characters.')
  await sceneEditor.getByLabel('Name').fill('Market chase')
  await expect(sceneEditor.getByRole('alert')).toHaveCount(0)

  // Escape closes the popover first, wherever the focus is: in it, the focus goes back to the
  // scene's heading; on a card in the strip (whose own Escape goes back to the canvas, and left
  // the popover open), it stays on the card. Then Escape goes on to the canvas as usual.
  const heading = sequenceStrip(ada).getByRole('button', {
    name: `Scene 1: ${isolatedName('Market chase')}, ${isolatedName('EXT. MARKET – DAY')}. Edit scene`,
  })
  await ada.keyboard.press('Escape')
  await expect(sceneEditor).toHaveCount(0)
  await expect(heading).toBeFocused()
  await heading.click()
  await stripCard(ada, a).locator('.strip-card__body').focus()
  await ada.keyboard.press('Escape')
  await expect(sceneEditor).toHaveCount(0)
  await expect(stripCard(ada, a).locator('.strip-card__body')).toBeFocused()
  await heading.click()

  // 1.2 dragged in front of 1.1 also swaps them on the canvas (the scene read in strip order).
  // Ada then drags 1.1 off the row; "Arrange on canvas" lays the scene out again in strip order,
  // left to right on one line, and one undo puts the shots back where she left them.
  const at = async (id: string) => {
    const { x, y } = (await shots(ada)).find((shot) => shot.id === id)!
    return { x: Math.round(x), y: Math.round(y) }
  }
  expect((await at(a)).x).toBeLessThan((await at(b)).x)
  await dragCard(ada, b, a, 'before')
  await expect.poll(() => stripIds(ben)).toEqual([b, a])
  await expect.poll(async () => (await at(b)).x < (await at(a)).x).toBe(true)
  const offRow = { x: (await at(b)).x, y: (await at(b)).y + 800 }
  await ada.evaluate(
    ([id, x, y]) => {
      ;(window as unknown as { editor: { updateShapes(s: unknown[]): void } }).editor.updateShapes([{ id, type: 'shot', x, y }])
    },
    [a, offRow.x, offRow.y] as const,
  )
  const scattered = [await at(a), await at(b)]
  await sceneEditor.getByRole('button', { name: 'Arrange on canvas' }).click()
  await expect.poll(async () => (await at(b)).x < (await at(a)).x && (await at(a)).y === (await at(b)).y).toBe(true)
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => [await at(a), await at(b)]).toEqual(scattered)
  await expect.poll(() => stripIds(ben)).toEqual([b, a])

  // Deleting says what happens to the shots, and they stay, numbered plainly as the board has no scene left.
  await sceneEditor.getByRole('button', { name: 'Delete scene…' }).click()
  await expect(sceneEditor.getByRole('alert')).toContainText('Its 2 shots stay on the canvas')
  await sceneEditor.getByRole('button', { name: 'Delete scene', exact: true }).click()
  await expect(sceneEditor).toHaveCount(0)
  await expect.poll(() => stripOrder(ben)).toEqual([
    [b, '1'],
    [a, '2'],
  ])
  await expect(sequenceStrip(ben).getByTestId('strip-scene')).toHaveText(/No scene/)
  // The board has no scene left: plain 1, 2 and no 0 on the heading (0.1 is for boards with scenes).
  await expect(sequenceStrip(ben).getByTestId('strip-scene').locator('.strip-group__number')).toHaveCount(0)

  // One undo brings the scene back with its shots.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => stripOrder(ben)).toEqual([
    [b, '1.1'],
    [a, '1.2'],
  ])
  await expect(sequenceStrip(ben).getByTestId('strip-scene')).toContainText('EXT. MARKET – DAY')

  // Ben collapses the strip to a one-line bar (runtime still shown); it stays so on his device.
  await sequenceStrip(ben).getByRole('button', { name: 'Hide sequence strip' }).click()
  await expect(sequenceStrip(ben).getByTestId('strip-shot')).toHaveCount(0)
  await expect(ben.getByTestId('sequence-runtime')).toContainText('6s')
  await openBoardWithStrip(ben, ben.url())
  await expect(sequenceStrip(ben).getByTestId('strip-shot')).toHaveCount(0)
  await sequenceStrip(ben).getByRole('button', { name: 'Show sequence strip' }).click()
  await expect(sequenceStrip(ben).getByTestId('strip-shot')).toHaveCount(2)
  await expect(sequenceStrip(ada).getByTestId('strip-shot')).toHaveCount(2)
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
