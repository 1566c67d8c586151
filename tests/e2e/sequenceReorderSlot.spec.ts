import { twoPeopleOnBoard } from './support/boardPage'
import { drawCameraMove } from './support/drawing'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { adaOnNewBoard, addSceneWithShots, canvasRow, stripCard, dragCard, openBoardWithStrip, shotPositions as positions, stripIds } from './support/sequenceStrip'
import { settledBox } from './support/settled'

test.setTimeout(180_000)

test('shots reordered within a scene in the strip swap places on the canvas (camera move and all) for both people, and one undo swaps them back', async ({
  newPerson,
  server,
}) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Market reorder', { open: openBoardWithStrip })
  const [a, b, c, d] = (await addSceneWithShots(ada, 'Market', 4)) as [string, string, string, string]
  await expect.poll(() => canvasRow(ben, a)).toEqual([a, b, c, d])

  // A camera move on the last shot (just made, so in view once the camera has glided to it).
  const frame = await settledBox(ada.locator(`.tl-shape[data-shape-id="${d}"] .shot-panel__frame`))
  const move = await drawCameraMove(ada, { x: frame.x + frame.width * 0.3, y: frame.y + frame.height / 2 }, { x: frame.x + frame.width * 0.7, y: frame.y + frame.height / 2 })
  const moveX = async (page: typeof ada) => (await shapesOnPage(page)).find((s) => s.id === move.id)?.x
  await expect.poll(() => moveX(ben)).toBe(move.x)
  const before = await positions(ada)

  // Ada drags the last card before the second: on both canvases d takes b's place, b and c move one along.
  await dragCard(ada, d, b, 'before')
  await expect.poll(() => stripIds(ada)).toEqual([a, d, b, c])
  for (const page of [ada, ben]) {
    await expect.poll(() => canvasRow(page, a)).toEqual([a, d, b, c])
    await expect.poll(() => positions(page)).toEqual({ [a]: before[a], [d]: before[b], [b]: before[c], [c]: before[d] })
  }
  // The camera move went with its shot.
  await expect.poll(() => moveX(ben)).toBe(move.x + before[b]!.x - before[d]!.x)
  await ben.screenshot({ path: test.info().outputPath('reordered-ben.png') })

  // One undo: the strip and the canvas as they were, for Ben too.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => stripIds(ben)).toEqual([a, b, c, d])
  await expect.poll(() => positions(ben)).toEqual(before)
  await expect.poll(() => moveX(ben)).toBe(move.x)
})

test('a shot moved first in its scene (dragged before the first card) takes the row’s first slot, not a place left of it', async ({ newPerson, server }) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Market first')
  const [a, b, c, d] = (await addSceneWithShots(ada, 'Market', 4)) as [string, string, string, string]
  const before = await positions(ada)
  await dragCard(ada, d, a, 'before')
  await expect.poll(() => stripIds(ada)).toEqual([d, a, b, c])
  await expect.poll(() => positions(ada)).toEqual({ [d]: before[a], [a]: before[b], [b]: before[c], [c]: before[d] })
  await ada.screenshot({ path: test.info().outputPath('moved-first.png') })
})

// Known bug, reproduced (QA, not yet fixed): the Roof row starts at x 480 (its first shot was made
// there), and the moved shot lands at x 0, left of the row, instead of taking d's slot at 480.
test('a shot moved to the start of the next scene (Alt+Shift+→ on the last card of a scene) takes that row’s first slot', async ({ newPerson, server }) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Into next scene')
  const [, , c] = (await addSceneWithShots(ada, 'Alley', 3)) as [string, string, string]
  const [d, e] = (await addSceneWithShots(ada, 'Roof', 2)) as [string, string]
  const before = await positions(ada)
  await stripCard(ada, c).click()
  await ada.keyboard.press('Shift+3')
  await ada.keyboard.press('Alt+Shift+ArrowRight')
  await expect.poll(() => canvasRow(ada, d)).toEqual([c, d, e])
  await ada.screenshot({ path: test.info().outputPath('into-next-scene.png') })
  await expect.poll(() => positions(ada).then((p) => [p[c], p[d]])).toEqual([before[d], before[e]])
})
