import { expect, type Locator, type Page } from '@playwright/test'
import type { TLShape } from '@tldraw/tlschema'
import { shotsOnPage } from './editorState'
import { dropFile, type TestFile } from './media'
import { solidPng } from './pngImage'
import { pickRoleOnCanvas, roleTag } from './referenceTags'

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

/** The address of the image or clip the page's one shot shows, or null when it shows none. */
export async function shotMediaSrc(page: Page): Promise<string | null> {
  return (await theShot(page)).props.media?.src ?? null
}

/** A take's node in the open version panel's tree. */
export function versionNode(page: Page, versionId: string): Locator {
  return page.locator(`[data-testid="version-node"][data-version-id="${versionId}"]`)
}

/** The line the version tree draws from a take to one of its children. */
export function versionEdge(page: Page, parentId: string, childId: string): Locator {
  return page.locator(`.version-graph__edge[data-parent-id="${parentId}"][data-child-id="${childId}"]`)
}

/** Uploads a take of the given colour and size through the open version panel's "Upload take". */
export async function uploadTake(page: Page, name: string, size: [number, number], colour: [number, number, number]): Promise<void> {
  const before = await page.getByTestId('version-node').count()
  await page.getByTestId('version-upload-input').setInputFiles({ name, mimeType: 'image/png', buffer: solidPng(size[0], size[1], colour) })
  await expect(page.getByTestId('version-node')).toHaveCount(before + 1)
}

/** Places a shot with the shot tool and writes what happens in it; it stays selected. */
export async function placeShot(page: Page, action: string): Promise<void> {
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(520, 330)
  await page.getByTestId('shot-inspector').getByLabel('Action').fill(action)
}

/**
 * Clicks the shot (on its header: the frame may show buttons) so it is the selection. A click on
 * the title of a shot that is already selected starts editing the title in place, as a person's
 * would (a drop on the frame selects the shot a moment later, so this can race): then Escape
 * leaves the title, keeping the shot selected, so the keys that follow reach the canvas.
 */
export async function selectShot(page: Page): Promise<void> {
  const box = await page.locator('.shot-panel').boundingBox()
  if (!box) throw new Error('no shot on screen')
  await page.mouse.click(box.x + box.width / 2, box.y + 12)
  await expect.poll(() => page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)
  if (await page.evaluate(() => window.editor?.getEditingShapeId() != null)) {
    await page.keyboard.press('Escape')
    await expect.poll(() => page.evaluate(() => window.editor?.getEditingShapeId() ?? null)).toBeNull()
  }
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

/** An image to use as a shot's reference, and the role it is given (every reference starts as style). */
export type ShotReference = { file: TestFile; role: 'style' | 'composition' }

/**
 * Drops `file` on the frame of the shot {@link placeShot} drew, where it becomes the shot's style
 * reference; gives it `role`; opens the generation form (see {@link openGenerationForm}).
 */
export async function openGenerationFormWithReference(page: Page, { file, role }: ShotReference): Promise<Locator> {
  await dropFile(page, file, { x: 520, y: 310 })
  await expect(roleTag(page)).toHaveText('Style')
  if (role !== 'style') await pickRoleOnCanvas(page, 'Composition')
  return openGenerationForm(page)
}

/** Every place the Versions toggle was drawn at, and every label the queue toggle beside it showed. */
export type VersionsToggleWatch = { positions: string[]; queueLabels: string[] }

/**
 * Samples, every frame from now on, where the Versions toggle is and what the queue toggle
 * says; the returned function reads what was seen. A toggle that moves while the queue changes
 * makes clicks aimed at it land on the canvas, which clears the selection.
 */
export async function watchVersionsToggle(page: Page): Promise<() => Promise<VersionsToggleWatch>> {
  await page.evaluate(() => {
    const positions = new Set<string>()
    const queueLabels = new Set<string>()
    Object.assign(window, { versionsToggleWatch: { positions, queueLabels } })
    const sample = () => {
      const toggle = document.querySelector('[data-testid="version-panel-toggle"]')
      if (toggle) {
        const { x, y } = toggle.getBoundingClientRect()
        positions.add(`${Math.round(x)},${Math.round(y)}`)
      }
      const queue = document.querySelector('.generation-queue__toggle')
      if (queue?.textContent) queueLabels.add(queue.textContent)
      requestAnimationFrame(sample)
    }
    sample()
  })
  return () =>
    page.evaluate(() => {
      const { positions, queueLabels } = (window as unknown as { versionsToggleWatch: { positions: Set<string>; queueLabels: Set<string> } }).versionsToggleWatch
      return { positions: [...positions], queueLabels: [...queueLabels] }
    })
}

/** The ids of the shapes selected in `page`'s editor. */
export async function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.editor?.getSelectedShapeIds() ?? [])
}

/** Whether the (one) selected shot's frame and the Versions panel share no pixel on screen. */
export async function selectedClearOfPanel(page: Page): Promise<boolean> {
  const [id] = await selectedIds(page)
  const shot = await page.locator(`.tl-shape[data-shape-id="${id}"]`).boundingBox()
  const box = await page.getByTestId('version-panel').boundingBox()
  if (!shot || !box) return false
  return shot.x >= box.x + box.width || shot.x + shot.width <= box.x || shot.y >= box.y + box.height || shot.y + shot.height <= box.y
}
