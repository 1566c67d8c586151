import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, type ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { boardWithViewer, signedInPage } from './support/accounts'
import { expectCanvasReady } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { selectedIds, sequenceStrip, shotInView, stripIds } from './support/sequenceStrip'
import { uncovered } from './support/touch'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

// Find on the board (Ctrl+F): by number, by a word of a shot or its scene, stepping with
// Enter / Shift+Enter, every match highlighted on the canvas and the strip (the current one
// apart) until the bar closes, Escape back to the canvas with the found shot selected; for
// viewers too.

test.setTimeout(180_000)
// With accounts: the viewer is a board member with the viewer role.
test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

const field = (page: Page) => page.getByRole('searchbox', { name: 'Find shots' })
const status = (page: Page) => page.getByTestId('find-bar-status')

/** Opens the board and waits until its strip shows the board's five shots. */
async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expectCanvasReady(page)
  await expect.poll(() => stripIds(page), { timeout: 30_000 }).toHaveLength(5)
}

type Rings = Record<string, string>

/**
 * Each shot's find highlight as drawn, by shot id: on the canvas (its panel's outline) and on
 * the strip (its card frame's ring), as the ring's colour, or 'none'.
 */
function findRings(page: Page): Promise<{ canvas: Rings; strip: Rings }> {
  return page.evaluate(() => {
    const canvas: Rings = {}
    const strip: Rings = {}
    for (const shape of document.querySelectorAll<HTMLElement>('.tl-shape[data-shape-type="shot"]')) {
      const style = getComputedStyle(shape.querySelector('.shot-panel')!)
      canvas[shape.dataset.shapeId!] = style.outlineStyle === 'none' ? 'none' : style.outlineColor
    }
    for (const card of document.querySelectorAll<HTMLElement>('[data-testid="strip-shot"]')) {
      const ring = getComputedStyle(card.querySelector('.strip-card__frame')!, '::after')
      strip[card.dataset.shotId!] = ring.content === 'none' || ring.borderTopStyle === 'none' ? 'none' : ring.borderTopColor
    }
    return { canvas, strip }
  })
}

/** Waits until the canvas and the strip ring exactly `current` and `others` (the rest: none), the current one in a colour of its own. */
async function expectRings(page: Page, current: string | null, others: string[]): Promise<void> {
  const found = [...(current ? [current] : []), ...others]
  await expect.poll(async () => {
    const { canvas, strip } = await findRings(page)
    return [canvas, strip].map((rings) => Object.keys(rings).filter((id) => rings[id] !== 'none').sort())
  }).toEqual([[...found].sort(), [...found].sort()])
  const { canvas, strip } = await findRings(page)
  for (const rings of [canvas, strip]) {
    for (const other of others) {
      if (current) expect(rings[other]).not.toBe(rings[current])
      expect(rings[other]).toBe(rings[others[0]!])
    }
  }
}

/** Types `query` into the open find bar and steps to the next match with Enter. */
async function findNext(page: Page, query?: string): Promise<void> {
  if (query !== undefined) await field(page).fill(query)
  await page.keyboard.press('Enter')
}

/** A board with a viewer and five shots to find (two scenes and a shot in no scene), written over sync. */
async function boardToFind(serverUrl: string) {
  const { owner, viewer, boardId } = await boardWithViewer(serverUrl, 'Find')
  // Two scenes and a shot in no scene, far apart on the canvas, so finding one has to bring it into view.
  const client = connectClient(syncUrlOf(serverUrl), boardId, { headers: { cookie: owner.cookie } })
  await client.synced()
  const pageId = pagesOf(client.doc)[0]!.id as never
  const harbour = createScene({ order: 'a1' as never, name: 'Harbour', slugline: 'EXT. QUAY – NIGHT' })
  const cafe = createScene({ order: 'a2' as never, name: 'Café' })
  const shot = (x: number, sceneId: typeof harbour.id | null, order: string, props: Partial<ShotShapeProps>) =>
    createShotShape({ parentId: pageId, index: 'a1' as never, x, y: 0, props: { sceneId, order: order as never, ...props } })
  const boats = shot(0, harbour.id, 'a1', { title: 'Boats', camera: { shotSize: 'cu', angle: 'eye-level', lensMm: null, movement: 'static' } })
  const door = shot(3000, harbour.id, 'a2', { title: 'The hallway', action: 'Élise opens the door slowly' })
  const espresso = shot(6000, cafe.id, 'a1', { title: 'Espresso', dialogue: 'Not now.', status: 'approved', camera: { shotSize: 'cu', angle: 'low', lensMm: 50, movement: 'static' } })
  const slam = shot(9000, cafe.id, 'a2', { title: 'Door slams' })
  const letter = shot(12000, null, 'a1', { title: 'Insert: the letter' })
  client.doc.transact(() => putRecords(client.doc, [harbour, cafe, boats, door, espresso, slam, letter]))
  client.destroy()
  return { owner, viewer, boardId, shots: { boats, door, espresso, slam, letter } }
}

test('Ctrl+F finds shots by number, by words of a shot or its scene and by shot size and status, highlights every match on the canvas and the strip with the current one apart, Enter cycles through them, Esc clears the highlights and goes back to the canvas with the shot selected; the main menu opens it and a viewer can find', async ({
  newPerson,
  server,
}) => {
  const { owner, viewer, boardId, shots: { boats, door, espresso, slam, letter } } = await boardToFind(server.url)

  const ada = await signedInPage(newPerson, server.url, owner.cookie)
  await openBoard(ada, `${server.url}/b/${boardId}`)

  // By number as the board shows it.
  await ada.keyboard.press('ControlOrMeta+F')
  await expect(field(ada)).toBeFocused()
  await field(ada).fill('2.2')
  await expect(status(ada)).toHaveText('1 shot')
  await expect(status(ada)).toHaveAttribute('aria-live', 'polite')
  await findNext(ada)
  await expect.poll(() => selectedIds(ada)).toEqual([slam.id])
  await expect(status(ada)).toHaveText('1 of 1')
  await expect.poll(() => shotInView(ada, slam.id)).toBe(true)
  await findNext(ada, '0.1')
  await expect.poll(() => selectedIds(ada)).toEqual([letter.id])

  // A word of an action, accents ignored.
  await field(ada).fill('elise')
  await expect(status(ada)).toHaveText('1 shot')
  await findNext(ada)
  await expect.poll(() => selectedIds(ada)).toEqual([door.id])
  await expect.poll(() => shotInView(ada, door.id)).toBe(true)

  // A word in two shots, case ignored: the shot found last stays the current match, Enter
  // cycles through them in sequence order (round to the first), Shift+Enter and ↑ go back.
  // Both are highlighted on the canvas and on the strip, the current one apart, and the
  // highlight moves with Enter.
  await field(ada).fill('DOOR')
  await expect(status(ada)).toHaveText('1 of 2')
  await expectRings(ada, door.id, [slam.id])
  await ada.screenshot({ path: test.info().outputPath('find-bar.png') })
  await findNext(ada)
  await expect.poll(() => selectedIds(ada)).toEqual([slam.id])
  await expect(status(ada)).toHaveText('2 of 2')
  await expectRings(ada, slam.id, [door.id])
  await findNext(ada)
  await expect.poll(() => selectedIds(ada)).toEqual([door.id])
  await expect(status(ada)).toHaveText('1 of 2')
  await ada.keyboard.press('Shift+Enter')
  await expect.poll(() => selectedIds(ada)).toEqual([slam.id])
  await ada.getByRole('button', { name: 'Previous match' }).click()
  await expect.poll(() => selectedIds(ada)).toEqual([door.id])

  // A scene's slugline finds its shots (the current one is the second of them); nothing found says so.
  await field(ada).fill('quay')
  await expect(status(ada)).toHaveText('2 of 2')
  await ada.getByRole('button', { name: 'Next match' }).click()
  await expect.poll(() => selectedIds(ada)).toEqual([boats.id])
  await field(ada).fill('zebra')
  await expect(status(ada)).toHaveText('No shots match')
  await expectRings(ada, null, [])

  // Esc: the bar and its highlights go, the canvas has the keyboard, the found shot is still
  // selected, and finding left nothing to undo. (Found by shot size and review status.)
  await findNext(ada, 'cu approved')
  await expect.poll(() => selectedIds(ada)).toEqual([espresso.id])
  await expectRings(ada, espresso.id, [])
  await ada.keyboard.press('Escape')
  await expect(ada.getByTestId('find-bar')).toHaveCount(0)
  await expectRings(ada, null, [])
  await expect(ada.locator('.tl-container')).toBeFocused()
  await expect.poll(() => selectedIds(ada)).toEqual([espresso.id])
  expect(await ada.evaluate(() => (window.editor as unknown as { getCanUndo(): boolean }).getCanUndo())).toBe(false)

  // From the strip too, the last query kept and selected, so typing replaces it.
  await ada.keyboard.press('Shift+3')
  await expect(sequenceStrip(ada).locator('.strip-card__body:focus')).toHaveCount(1)
  await ada.keyboard.press('ControlOrMeta+F')
  await expect(field(ada)).toBeFocused()
  await expect(field(ada)).toHaveValue('cu approved')
  await ada.keyboard.type('boats')
  await expect(field(ada)).toHaveValue('boats')
  await ada.keyboard.press('Escape')

  // The main menu's "Find…", and the shortcuts dialog lists the key under Storyboard.
  await ada.getByTestId('main-menu.button').click()
  await ada.getByRole('menuitem', { name: 'Find…' }).click()
  await expect(field(ada)).toBeFocused()
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('Control+Alt+/')
  await expect(ada.getByRole('dialog').getByText('Find…')).toBeVisible()
  await ada.keyboard.press('Escape')

  // A viewer finds and selects too (selection only; the board stays as it was).
  const ben = await signedInPage(newPerson, server.url, viewer.cookie)
  await openBoard(ben, `${server.url}/b/${boardId}`)
  await expect.poll(() => ben.evaluate(() => window.editor!.getIsReadonly())).toBe(true)
  await ben.keyboard.press('ControlOrMeta+F')
  // The close-ups, all highlighted for the viewer before any is stepped to.
  await field(ben).fill('cu')
  await expect(status(ben)).toHaveText('2 shots')
  await expectRings(ben, null, [boats.id, espresso.id])
  await findNext(ben, 'not now')
  await expect.poll(() => selectedIds(ben)).toEqual([espresso.id])
  await ben.keyboard.press('Escape')
  await expect(ben.locator('.tl-container')).toBeFocused()
  await expect.poll(() => selectedIds(ben)).toEqual([espresso.id])
})

test('on a tablet, upright and sideways, the find bar stays clear of the shot inspector that the found shot opens, and its × closes it; on a laptop it stays in the middle', async ({ newPerson, server }) => {
  const { owner, boardId, shots } = await boardToFind(server.url)
  const tablet = await signedInPage(() => newPerson({ viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true }), server.url, owner.cookie)
  await openBoard(tablet, `${server.url}/b/${boardId}`)
  // No keyboard: Find from the main menu, a tap on ↓ to the shot.
  await tablet.getByTestId('main-menu.button').tap()
  await tablet.getByRole('menuitem', { name: 'Find…' }).tap()
  await field(tablet).fill('door')
  await tablet.getByRole('button', { name: 'Next match' }).tap()
  await expect.poll(() => selectedIds(tablet)).toEqual([shots.door.id])
  const bar = tablet.getByTestId('find-bar')
  const inspector = tablet.getByTestId('shot-inspector')
  const close = bar.getByRole('button', { name: 'Close find' })
  for (const viewport of [{ width: 1024, height: 768 }, { width: 1180, height: 820 }, { width: 820, height: 1180 }]) {
    await tablet.setViewportSize(viewport)
    await expect(inspector).toBeVisible()
    const right = async () => {
      const box = (await bar.boundingBox())!
      return box.x + box.width
    }
    await expect.poll(right, `the bar left of the inspector at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual((await inspector.boundingBox())!.x)
    expect(await uncovered(close), `× uncovered at ${viewport.width}×${viewport.height}`).toBe(true)
    await tablet.screenshot({ path: test.info().outputPath(`find-bar-${viewport.width}x${viewport.height}.png`) })
  }
  await close.tap()
  await expect(bar).toHaveCount(0)

  // A laptop's screen has room: the bar in the middle, under the board's title.
  await tablet.setViewportSize({ width: 1366, height: 768 })
  await tablet.getByTestId('main-menu.button').click()
  await tablet.getByRole('menuitem', { name: 'Find…' }).click()
  const box = (await bar.boundingBox())!
  expect(Math.abs(box.x + box.width / 2 - 683)).toBeLessThan(2)
  expect(box.x + box.width).toBeLessThanOrEqual((await inspector.boundingBox())!.x)
})
