import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { uncovered } from './support/touch'

/** Where a board opens on a laptop (phones and tablets: reviewPhone.spec.ts). */

test('a board whose shots start at the page’s origin opens with the first shot’s header clear of the top bar and the panels’ toggles; one already clear keeps tldraw’s opening view', async ({ newPerson, server }) => {
  const atOrigin = await longBoardShots(server.url, 'Imported', 3)
  atOrigin.client.doc.transact(() => putRecords(atOrigin.client.doc, [atOrigin.scene, ...atOrigin.shots]))
  const clearAlready = await longBoardShots(server.url, 'Laid out by hand', 1)
  const moved = clearAlready.shots.map((shot) => ({ ...shot, x: 400, y: 300 }))
  clearAlready.client.doc.transact(() => putRecords(clearAlready.client.doc, [clearAlready.scene, ...moved]))
  atOrigin.client.destroy()
  clearAlready.client.destroy()

  const page = await newPerson({ viewport: { width: 1366, height: 768 } })
  const header = (id: string) => page.locator(`.tl-shape[data-shape-id="${id}"] .shot-panel__header`)
  await openBoard(page, boardUrl(server.url, atOrigin.boardId))
  // tldraw opens on the origin, where the main menu and References/Versions/History/Queue covered it.
  await expect.poll(() => uncovered(header(atOrigin.shots[0]!.id)), 'the first shot’s header, as the board opens').toBe(true)
  await page.screenshot({ path: test.info().outputPath('board-laptop-open.png') })

  await openBoard(page, boardUrl(server.url, clearAlready.boardId))
  await expect(header(moved[0]!.id)).toBeVisible()
  expect(await uncovered(header(moved[0]!.id))).toBe(true)
  const view = await page.evaluate(() => window.editor!.getViewportPageBounds())
  expect([view.x, view.y].map((v) => Math.abs(v))).toEqual([0, 0]) // tldraw's camera at the origin: -0 there
  expect(await page.evaluate(() => window.editor!.getZoomLevel())).toBe(1)
})
