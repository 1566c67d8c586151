import { onePersonOnBoard, twoPeopleOnBoard } from './support/boardPage'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'

/**
 * Board snapshots (the History panel): the versions of a whole board, as against a shot's takes
 * (versions.spec.ts).
 */

/** How long another person's open panel may take to show a change (it is pushed, not polled). */
const LIVE = { timeout: 3_000 }

test('a named board snapshot opens read-only and restores for everyone, and the restore can be undone', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Storyboard v1')

  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(500, 400)
  await expect.poll(async () => (await shapesOnPage(ben)).filter((s) => (s.type as string) === 'shot').length).toBe(1)

  await ada.getByTestId('history-panel-toggle').click()
  const history = ada.getByTestId('history-panel')
  await history.getByLabel('Snapshot name').fill('One shot')
  await history.getByRole('button', { name: 'Save snapshot' }).click()
  await expect(history.getByTestId('history-item')).toHaveCount(1)

  // More work after the snapshot: a second shot.
  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(900, 400)
  await expect.poll(async () => (await shapesOnPage(ben)).filter((s) => (s.type as string) === 'shot').length).toBe(2)

  // Opened read-only: the board as it was.
  await history.getByRole('button', { name: 'Open' }).click()
  const viewer = ada.getByTestId('snapshot-viewer')
  await expect(viewer).toContainText('Read-only')
  await expect(viewer.locator('svg, img').first()).toBeVisible()

  // Restoring from the viewer asks first, as the list does; cancelling changes nothing.
  await viewer.getByRole('button', { name: 'Restore this…' }).click()
  const confirm = viewer.getByRole('group', { name: 'Confirm restore' })
  await expect(confirm).toContainText('Replace the board for everyone?')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toHaveCount(0)
  expect((await shapesOnPage(ada)).filter((s) => (s.type as string) === 'shot')).toHaveLength(2)

  // Restore it: both people are back to one shot.
  await viewer.getByRole('button', { name: 'Restore this…' }).click()
  await confirm.getByRole('button', { name: 'Restore' }).click()
  await expect(viewer).toHaveCount(0)
  for (const page of [ada, ben]) {
    await expect.poll(async () => (await shapesOnPage(page)).filter((s) => (s.type as string) === 'shot').length).toBe(1)
  }
  // The state it replaced was kept; restoring that undoes the restore.
  const kept = history.getByTestId('history-item').filter({ hasText: 'Before restoring' })
  await expect(kept).toHaveCount(1)
  await kept.getByRole('button', { name: 'Restore…' }).click()
  await kept.getByRole('group', { name: 'Confirm restore' }).getByRole('button', { name: 'Restore' }).click()
  await expect.poll(async () => (await shapesOnPage(ben)).filter((s) => (s.type as string) === 'shot').length).toBe(2)
})

test("an open History panel shows the others' snapshots and restores live, without reopening it", async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Storyboard v2')
  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(500, 400)
  await expect.poll(async () => (await shapesOnPage(ben)).filter((s) => (s.type as string) === 'shot').length).toBe(1)

  const adaHistory = ada.getByTestId('history-panel')
  const benHistory = ben.getByTestId('history-panel')
  for (const page of [ada, ben]) await page.getByTestId('history-panel-toggle').click()
  await expect(benHistory).toContainText('No snapshots yet')

  await adaHistory.getByLabel('Snapshot name').fill('Client review v1')
  await adaHistory.getByRole('button', { name: 'Save snapshot' }).click()
  await expect(benHistory.getByTestId('history-item')).toHaveCount(1, LIVE)
  await expect(benHistory.getByTestId('history-item')).toContainText('Client review v1')

  // Ada restores it: the backup the restore keeps shows in Ben's open panel too.
  await adaHistory.getByTestId('history-item').getByRole('button', { name: 'Restore…' }).click()
  await adaHistory.getByRole('group', { name: 'Confirm restore' }).getByRole('button', { name: 'Restore' }).click()
  await expect(benHistory.getByTestId('history-item').filter({ hasText: 'Before restoring “Client review v1”' })).toHaveCount(1, LIVE)
  await expect(benHistory.getByTestId('history-item')).toHaveCount(2)
  await ben.screenshot({ path: test.info().outputPath('ben-history-live.png') })
})

test('a snapshot of an empty board opens saying so and holds the keyboard until Escape, and a long snapshot name wraps inside the panel', async ({ newPerson, server }) => {
  const { page: ada } = await onePersonOnBoard(newPerson, server.url, 'Blank slate')
  const pageErrors: string[] = []
  ada.on('pageerror', (error) => pageErrors.push(error.message))

  await ada.getByTestId('history-panel-toggle').click()
  const history = ada.getByTestId('history-panel')
  const name = `Before-the-client-call-${'x'.repeat(90)}`
  await history.getByLabel('Snapshot name').fill(name)
  await history.getByRole('button', { name: 'Save snapshot' }).click()
  await expect(history.getByTestId('history-item')).toContainText(name)
  // Nothing sticks out of the panel: its buttons stay in view.
  expect(await history.evaluate((panel) => panel.scrollWidth - panel.clientWidth)).toBe(0)

  await history.getByRole('button', { name: 'Open' }).click()
  const viewer = ada.getByTestId('snapshot-viewer')
  await expect(viewer).toContainText('The board was empty at this point.')
  // The viewer covers the board and holds the keyboard: Tab stays among its controls, and
  // Escape gives the keyboard back to the Open button (it stayed behind, on the history panel).
  await expect(viewer.getByRole('button', { name: 'Restore this…' })).toBeFocused()
  for (let i = 0; i < 3; i++) {
    await ada.keyboard.press('Tab')
    expect(await viewer.evaluate((el) => el.contains(document.activeElement)), `Tab ${i + 1} stays in the viewer`).toBe(true)
  }
  await ada.keyboard.press('Escape')
  await expect(viewer).toHaveCount(0)
  await expect(history.getByRole('button', { name: 'Open' })).toBeFocused()
  expect(pageErrors).toEqual([])
})
