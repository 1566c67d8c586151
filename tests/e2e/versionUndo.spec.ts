import type { Page } from '@playwright/test'
import { twoPeopleOnBoard } from './support/boardPage'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { selectShot, theShot, uploadTake, versionNode as node } from './support/shotVersions'

/** Takes in a page's open version panel that are not deleted (the "Deleted" filter is off). */
const liveTakes = (page: Page) => page.getByTestId('version-node')

/** Ada and Ben on one board, one shot with two takes (the second active), both with its Versions panel open. */
async function shotWithTwoTakes(newPerson: () => Promise<Page>, serverUrl: string) {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Night market')
  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(560, 380)
  await expect.poll(async () => (await shapesOnPage(ben)).filter((s) => (s.type as string) === 'shot').length).toBe(1)
  await ada.getByTestId('version-panel-toggle').click()
  await uploadTake(ada, 'take-1.png', [64, 36], [200, 40, 40])
  const first = (await theShot(ada)).props.activeVersionId!
  await uploadTake(ada, 'take-2.png', [64, 36], [40, 200, 40])
  const second = (await theShot(ada)).props.activeVersionId!
  await selectShot(ben)
  await ben.getByTestId('version-panel-toggle').click()
  await expect(liveTakes(ben)).toHaveCount(2)
  return { ada, ben, first, second }
}

/** Drags the selected shot by its middle `dx` pixels to the right; returns its new x on the page. */
async function moveShot(page: Page, dx: number): Promise<number> {
  const before = (await theShot(page)).x
  const box = (await page.locator('.shot-panel').boundingBox())!
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + dx / 2, y, { steps: 4 })
  await page.mouse.move(x + dx, y, { steps: 4 })
  await page.mouse.up()
  await expect.poll(async () => (await theShot(page)).x).toBeGreaterThan(before + dx / 2)
  return (await theShot(page)).x
}

test('Ctrl+Z right after deleting a take brings the take back for both, not an older move; redo deletes it again', async ({ newPerson, server }) => {
  const { ada, ben, first, second } = await shotWithTwoTakes(newPerson, server.url)
  // Ada moves the shot, then deletes the first take (its node has the focus after the delete).
  await selectShot(ada)
  const movedTo = await moveShot(ada, 160)
  await expect.poll(async () => (await theShot(ben)).x).toBe(movedTo)
  await node(ada, first).click()
  await ada.getByTestId('version-details').getByRole('button', { name: 'Delete' }).click()
  await expect(liveTakes(ben)).toHaveCount(1)
  await expect(ada.getByTestId('version-details').getByRole('button', { name: 'Restore' })).toBeFocused()

  // Ctrl+Z with the focus in the Versions panel takes back the delete, not the move.
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(liveTakes(ben)).toHaveCount(2)
  await expect(node(ada, first)).toBeVisible()
  await expect(ada.getByTestId('version-details').getByRole('button', { name: 'Delete' })).toBeVisible()
  expect((await theShot(ada)).x).toBe(movedTo)
  expect((await theShot(ben)).x).toBe(movedTo)

  // Redo deletes it again (Ctrl+Shift+Z), undo brings it back, Ctrl+Y deletes it once more.
  await ada.keyboard.press('ControlOrMeta+Shift+z')
  await expect(liveTakes(ben)).toHaveCount(1)
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(liveTakes(ben)).toHaveCount(2)
  await ada.keyboard.press('ControlOrMeta+y')
  await expect(liveTakes(ben)).toHaveCount(1)
  expect((await theShot(ben)).x).toBe(movedTo)

  // Two more undos: the delete, then (only then) the move.
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(liveTakes(ben)).toHaveCount(2)
  await ada.keyboard.press('ControlOrMeta+z')
  await expect.poll(async () => (await theShot(ben)).x).toBeLessThan(movedTo)
  await expect(liveTakes(ben)).toHaveCount(2)

  // The active take is deleted too, once confirmed: the shot shows the take it was made from for
  // both, and one Ctrl+Z brings the take back and shows it again.
  await node(ada, second).click()
  const details = ada.getByTestId('version-details')
  await details.getByRole('button', { name: 'Delete', exact: true }).click()
  const confirm = details.getByTestId('delete-active-confirm')
  await expect(confirm).toContainText('The shot will show the take it was made from instead')
  await ada.getByTestId('version-panel').screenshot({ path: test.info().outputPath('delete-active-confirm.png') })
  await confirm.getByRole('button', { name: 'Delete take' }).click()
  await expect(liveTakes(ben)).toHaveCount(1)
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(first)
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(liveTakes(ben)).toHaveCount(2)
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(second)
  expect((await theShot(ada)).props.activeVersionId).toBe(second)
})

test('Ctrl+Z takes back a restore and a take brought back as new, for both people; redo does them again', async ({ newPerson, server }) => {
  const { ada, ben, first, second } = await shotWithTwoTakes(newPerson, server.url)
  const details = ada.getByTestId('version-details')

  // Bring the first take back as a new take: it becomes the active one, a third take in the tree.
  await node(ada, first).click()
  await details.getByRole('button', { name: 'Bring back as new take' }).click()
  await expect(liveTakes(ben)).toHaveCount(3)
  const brought = (await theShot(ada)).props.activeVersionId!
  expect(brought).not.toBe(second)
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(brought)

  // Undo: the new take is gone and the shot shows the take it showed before, for Ben too.
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(liveTakes(ben)).toHaveCount(2)
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(second)
  // Redo: the same take is back, active again (no fourth take is made).
  await ada.keyboard.press('ControlOrMeta+Shift+z')
  await expect(liveTakes(ben)).toHaveCount(3)
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(brought)
  await expect(node(ben, brought)).toBeVisible()

  // Delete the first take, restore it from the Deleted filter; undo puts it back to deleted.
  await node(ada, first).click()
  await details.getByRole('button', { name: 'Delete' }).click()
  await expect(liveTakes(ben)).toHaveCount(2)
  await ada.getByTestId('version-panel').getByLabel('Deleted').check()
  await node(ada, first).click()
  await details.getByRole('button', { name: 'Restore' }).click()
  await expect(liveTakes(ben)).toHaveCount(3)
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(liveTakes(ben)).toHaveCount(2)
  await ada.keyboard.press('ControlOrMeta+Shift+z')
  await expect(liveTakes(ben)).toHaveCount(3)
})

/** `page`'s person deletes `take` and restores it from the Deleted filter (off again after), seen by `other`. */
async function deleteAndRestore(page: Page, other: Page, take: string) {
  const details = page.getByTestId('version-details')
  const deletedFilter = page.getByTestId('version-panel').getByLabel('Deleted')
  await node(page, take).click()
  await details.getByRole('button', { name: 'Delete' }).click()
  await expect(liveTakes(other)).toHaveCount(1)
  await deletedFilter.check()
  await node(page, take).click()
  await details.getByRole('button', { name: 'Restore' }).click()
  await deletedFilter.uncheck()
  await expect(liveTakes(other)).toHaveCount(2)
}

test('Ctrl+Z leaves a restored take live when someone deleted and restored it since: "Take not undone"', async ({ newPerson, server }) => {
  test.setTimeout(180_000) // two canvas loads, two uploads and four take actions, on a busy machine
  const { ada, ben, first } = await shotWithTwoTakes(newPerson, server.url)
  // Ada deletes the first take and restores it; Ben then deletes it and restores it again: live,
  // as Ada's restore left it, but by Ben's choice.
  await deleteAndRestore(ada, ben, first)
  await deleteAndRestore(ben, ada, first)

  // Ada's Ctrl+Z does not delete Ben's restore: she is told, and the take stays for both.
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(ada.locator('.tlui-toast__main').filter({ hasText: 'Take not undone' })).toBeVisible()
  await expect(liveTakes(ben)).toHaveCount(2)
  await expect(ada.getByTestId('version-details').getByRole('button', { name: 'Delete' })).toBeVisible()
})

test('a take brought back as new that fails: Ctrl+Z pressed before the failure came undoes nothing else, and the move made meanwhile stays', async ({ newPerson, server }) => {
  test.setTimeout(180_000)
  const { ada, ben, first, second } = await shotWithTwoTakes(newPerson, server.url)
  await selectShot(ada)
  const movedOnce = await moveShot(ada, 120)

  // Ada brings the first take back as new; the request is held (a slow link), then fails.
  let release: (() => Promise<void>) | null = null
  await ada.route('**/versions/*/reinstate', (route) => {
    release = () => route.abort('connectionfailed')
  })
  await node(ada, first).click()
  await ada.getByTestId('version-details').getByRole('button', { name: 'Bring back as new take' }).click()
  await expect.poll(() => release !== null).toBe(true)
  // She presses Ctrl+Z before any answer, then moves the shot again.
  await ada.keyboard.press('ControlOrMeta+z')
  await selectShot(ada)
  const movedTwice = await moveShot(ada, 120)
  await release!()

  // The failure undoes nothing more: her second move stays, for both; she is told.
  await expect(ada.locator('.tlui-toast__main').filter({ hasText: 'Version not changed' })).toBeVisible()
  await expect(liveTakes(ada)).toHaveCount(2) // the panel re-read the takes after the failure
  expect((await theShot(ada)).x).toBe(movedTwice)
  await expect.poll(async () => (await theShot(ben)).x).toBe(movedTwice)
  await expect(ada.locator('.tlui-toast__main').filter({ hasText: 'Nothing undone' })).toBeVisible()
  await expect(liveTakes(ben)).toHaveCount(2)
  expect((await theShot(ada)).props.activeVersionId).toBe(second)
  // Her next Ctrl+Z takes back the second move, the one after it the first.
  await ada.keyboard.press('ControlOrMeta+z')
  await expect.poll(async () => (await theShot(ben)).x).toBe(movedOnce)
  await ada.keyboard.press('ControlOrMeta+z')
  await expect.poll(async () => (await theShot(ben)).x).toBeLessThan(movedOnce)
})
