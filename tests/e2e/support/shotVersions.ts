import { expect, type Locator, type Page } from '@playwright/test'
import type { TLShape } from '@tldraw/tlschema'
import { shotsOnPage } from './editorState'

/** The shot props the version and generation specs read. */
export type ShotProps = {
  activeVersionId: string | null
  title: string
  media: { src: string; kind: string; model?: string } | null
}

/** The one shot on a page's board (throws when there is none or more than one). */
export async function theShot(page: Page): Promise<TLShape & { props: ShotProps }> {
  const shots = await shotsOnPage(page)
  if (shots.length !== 1) throw new Error(`expected one shot, found ${shots.length}`)
  return shots[0] as TLShape & { props: ShotProps }
}

/** A take's node in the open version panel's tree. */
export function versionNode(page: Page, versionId: string): Locator {
  return page.locator(`[data-testid="version-node"][data-version-id="${versionId}"]`)
}

/** The line the version tree draws from a take to one of its children. */
export function versionEdge(page: Page, parentId: string, childId: string): Locator {
  return page.locator(`.version-graph__edge[data-parent-id="${parentId}"][data-child-id="${childId}"]`)
}

/** Places a shot with the shot tool and writes what happens in it; it stays selected. */
export async function placeShot(page: Page, action: string): Promise<void> {
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(520, 330)
  await page.getByTestId('shot-inspector').getByLabel('Action').fill(action)
}

/** Clicks the shot (on its header: the frame may show buttons) so it is the selection. */
export async function selectShot(page: Page): Promise<void> {
  const box = await page.locator('.shot-panel').boundingBox()
  if (!box) throw new Error('no shot on screen')
  await page.mouse.click(box.x + box.width / 2, box.y + 12)
  await expect.poll(() => page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)
}

/** Opens the generation form with Shift+G on the selected shot; waits for the built-in model. */
export async function openGenerationForm(page: Page): Promise<Locator> {
  await selectShot(page)
  await page.keyboard.press('Shift+G')
  const form = page.getByTestId('generation-form')
  await expect(form).toBeVisible()
  await expect(form.getByLabel('Model')).toContainText('built-in')
  return form
}
