import { onePersonOnBoard, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { selectShot, theShot, uploadTake, versionNode } from './support/shotVersions'

/**
 * A director reloads the board, selects a shot to look at its takes and presses Ctrl+Z out of
 * habit: nothing of theirs is left to undo, so nothing changes. (tldraw records selection in its
 * undo history: the shot was deselected, the Versions panel emptied and Redo lit up.) Their first
 * edit after that undoes as usual.
 */
test('right after a reload, Ctrl+Z with nothing of yours to undo keeps the shot selected and its takes listed; your next edit undoes', async ({ newPerson, server }) => {
  const { url, page } = await onePersonOnBoard(newPerson, server.url, 'Undo after reload')
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(520, 330)
  await page.getByTestId('version-panel-toggle').click()
  await uploadTake(page, 'take.png', [64, 36], [200, 40, 40])
  const take = (await theShot(page)).props.activeVersionId!

  await openBoard(page, url)
  await selectShot(page)
  const shotId = (await theShot(page)).id
  await page.getByTestId('version-panel-toggle').click()
  await expect(versionNode(page, take)).toBeVisible()
  const undoButton = page.getByTestId('quick-actions.undo')
  await expect(undoButton).toBeDisabled()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(versionNode(page, take)).toBeVisible()
  expect(await page.evaluate(() => window.editor?.getSelectedShapeIds())).toEqual([shotId])
  await expect(page.getByTestId('quick-actions.redo')).toBeDisabled()

  // An edit of theirs: undo takes it back, as always.
  await page.getByTestId('shot-inspector').getByLabel('Title').fill('Harbour at dawn')
  await page.getByTestId('shot-inspector').getByLabel('Title').blur()
  await expect.poll(async () => (await theShot(page)).props.title).toBe('Harbour at dawn')
  await expect(undoButton).toBeEnabled()
  await undoButton.click()
  await expect.poll(async () => (await theShot(page)).props.title).toBe('')
})
