import { expectConnection, twoPeopleOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import {
  addSceneWithShots,
  canvasRow,
  dragCard,
  leaveNewShotTitle,
  newShotId,
  openBoardWithStrip,
  shotPositions as positions,
  stripCard,
  stripIds,
} from './support/sequenceStrip'

test.setTimeout(180_000)

test('a shot inserted between two shots opens a slot on the canvas: its row reads as the strip for both people, and one undo closes it', async ({
  newPerson,
  server,
}) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Market chase', { open: openBoardWithStrip })
  const [a, b, c] = (await addSceneWithShots(ada, 'Market', 3)) as [string, string, string]
  await expect.poll(() => canvasRow(ben, a)).toEqual([a, b, c])
  const threeShots = await positions(ada)

  // Shift+S on the first shot: the new one goes right after it, on the canvas too.
  await stripCard(ada, a).getByRole('button', { name: /^Shot 1\.1/ }).click()
  await ada.keyboard.press('Shift+S')
  const d = await newShotId(ada, [a, b, c])
  await expect.poll(() => stripIds(ada)).toEqual([a, d, b, c])
  for (const page of [ada, ben]) await expect.poll(() => canvasRow(page, a)).toEqual([a, d, b, c])
  await ada.screenshot({ path: test.info().outputPath('shift-s-between.png') })

  // One undo takes the shot away and slides b and c back, for Ben too.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => stripIds(ben)).toEqual([a, b, c])
  await expect.poll(() => positions(ben)).toEqual(threeShots)
  await expect.poll(() => positions(ada)).toEqual(threeShots)

  // The strip's "insert before" on the third shot.
  await stripCard(ada, c).hover()
  await stripCard(ada, c).getByRole('button', { name: 'Insert shot before 1.3' }).click()
  const e = await newShotId(ada, [a, b, c])
  await expect.poll(() => stripIds(ada)).toEqual([a, b, e, c])
  for (const page of [ada, ben]) await expect.poll(() => canvasRow(page, a)).toEqual([a, b, e, c])

  // A shot of another scene dropped between the first two cards joins the row between them.
  const [f] = (await addSceneWithShots(ada, 'Alley', 1)) as [string]
  await dragCard(ada, f, b, 'before')
  await expect.poll(() => stripIds(ada)).toEqual([a, f, b, e, c])
  for (const page of [ada, ben]) await expect.poll(() => canvasRow(page, a)).toEqual([a, f, b, e, c])
  await ben.screenshot({ path: test.info().outputPath('dropped-between-ben.png') })

  // Both press Shift+S on the first shot at the same moment (Ben offline for it), each opening
  // the slot after it: once Ben is back, the two new shots do not share that slot, and the row
  // still reads as the strip, for both.
  await ben.context().setOffline(true)
  await expectConnection(ben, 'offline')
  const fiveShots = [a, f, b, e, c]
  for (const page of [ada, ben]) {
    await stripCard(page, a).getByRole('button', { name: /^Shot 1\.1/ }).click()
    await page.keyboard.press('Shift+S')
    await newShotId(page, fiveShots)
    await leaveNewShotTitle(page)
  }
  await ben.context().setOffline(false)
  await expectConnection(ben, 'connected')
  await expect.poll(async () => (await stripIds(ben)).length).toBe(7)
  const sevenShots = await stripIds(ada)
  expect(await stripIds(ben)).toEqual(sevenShots)
  for (const page of [ada, ben]) {
    await expect.poll(() => canvasRow(page, a)).toEqual(sevenShots)
    await expect.poll(async () => new Set(Object.values(await positions(page)).map((p) => `${p.x},${p.y}`)).size).toBe(7)
  }
  await ben.screenshot({ path: test.info().outputPath('inserted-at-once-ben.png') })

  // Each adds a new scene of two shots while Ben is offline: both rows start below the last
  // scene, on one spot. Once Ben is back, the later scene's row moves below the other's, the
  // same on both screens.
  await ben.context().setOffline(true)
  await expectConnection(ben, 'offline')
  const roof = await addSceneWithShots(ada, 'Roof', 2)
  const night = await addSceneWithShots(ben, 'Night', 2)
  await ben.context().setOffline(false)
  await expectConnection(ben, 'connected')
  for (const page of [ada, ben]) {
    await expect.poll(async () => (await stripIds(page)).length).toBe(11)
    await expect.poll(() => canvasRow(page, roof[0]!)).toEqual(roof)
    await expect.poll(() => canvasRow(page, night[0]!)).toEqual(night)
  }
  await expect.poll(() => positions(ben)).toEqual(await positions(ada))
  await ben.screenshot({ path: test.info().outputPath('scenes-added-at-once-ben.png') })
})
