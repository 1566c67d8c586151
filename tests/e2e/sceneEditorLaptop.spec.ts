import type { Locator, Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { sequenceStrip } from './support/sequenceStrip'

/** Whether two on-screen boxes share no pixel. */
async function apart(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [(await a.boundingBox())!, (await b.boundingBox())!]
  return p.x >= q.x + q.width || p.x + p.width <= q.x || p.y >= q.y + q.height || p.y + p.height <= q.y
}

async function expectEditorClearOfToolbar(page: Page, at: string): Promise<void> {
  const editor = page.getByTestId('scene-editor')
  await expect(editor).toBeVisible()
  expect(await apart(editor, page.locator('.tlui-main-toolbar')), `the scene editor covers the toolbar (${at})`).toBe(true)
  await expect(editor.getByRole('button', { name: 'Delete scene…' }), at).toBeInViewport({ ratio: 1 })
  await expect(editor.getByLabel('Name'), at).toBeInViewport({ ratio: 1 })
}

/**
 * On a 13" laptop (1280×720) the scene editor opens above tldraw's toolbar, not over it (it sat
 * across the tools, in the middle of the screen, when opened with "+ Scene"), and is whole on screen.
 */
test('at 1280×720 the scene editor opens clear of the toolbar, from "+ Scene" and from a heading', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Laptop scenes')
  await page.setViewportSize({ width: 1280, height: 720 })
  await sequenceStrip(page).getByRole('button', { name: '+ Scene' }).click()
  await expectEditorClearOfToolbar(page, '+ Scene')
  await page.getByTestId('scene-editor').getByRole('button', { name: 'Close' }).click()

  // Opened from a heading moved under the toolbar (its editor opens at the heading).
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(300, 250)
  const heading = sequenceStrip(page).getByRole('button', { name: /Untitled scene/ }).first()
  await heading.click()
  await expectEditorClearOfToolbar(page, 'heading')
  await page.screenshot({ path: test.info().outputPath('scene-editor-1280x720.png') })
})
