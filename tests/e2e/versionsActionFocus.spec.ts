import type { Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { theShot, uploadTake, versionNode as node } from './support/shotVersions'

/** The ids of the takes drawn in the open version panel, in the tree's order. */
async function takeIds(page: Page): Promise<string[]> {
  return page.getByTestId('version-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-version-id')!))
}

test('the version panel keeps the keyboard after Make active, Bring back as new take, Delete and Restore', async ({ newPerson, server }) => {
  test.setTimeout(150_000) // a canvas load and five round trips to the server, on a busy machine
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Takes from the keyboard')
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(640, 420)
  await expect.poll(async () => (await shapesOnPage(page)).filter((s) => (s.type as string) === 'shot').length).toBe(1)
  await page.getByTestId('version-panel-toggle').click()
  await uploadTake(page, 'first.png', [64, 36], [200, 40, 40])
  await uploadTake(page, 'second.png', [64, 36], [40, 200, 40])
  const [first, second] = await takeIds(page)
  const details = page.getByTestId('version-details')

  // Make active on the first take: the button turns into a disabled "Active", and the keyboard
  // goes to the take itself (not to the page, where arrows and Enter did nothing).
  await node(page, first!).click()
  await details.getByRole('button', { name: 'Make active' }).click()
  await expect.poll(async () => (await theShot(page)).props.activeVersionId).toBe(first)
  await expect(node(page, first!)).toBeFocused()
  // So the arrow keys still walk the tree: down to the second take, previewing it.
  await page.keyboard.press('ArrowDown')
  await expect(details).toHaveAttribute('data-version-id', second!)

  // Bring back as new take: the button goes away with the new take active; the keyboard is on the new take.
  await details.getByRole('button', { name: 'Bring back as new take' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('version-node')).toHaveCount(3)
  const brought = (await takeIds(page)).find((id) => id !== first && id !== second)!
  await expect.poll(async () => (await theShot(page)).props.activeVersionId).toBe(brought)
  await expect(node(page, brought)).toBeFocused()

  // Delete the second take (from the keyboard): its Restore button takes the keyboard, so Enter puts it straight back.
  await node(page, second!).click()
  await details.getByRole('button', { name: 'Delete' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('version-node')).toHaveCount(2)
  await expect(details.getByRole('button', { name: 'Restore' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('version-node')).toHaveCount(3)
  await expect(node(page, second!)).toBeFocused()
})
