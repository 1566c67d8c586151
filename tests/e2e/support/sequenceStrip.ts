import { expect, type Locator, type Page } from '@playwright/test'
import { boardUrl, createBoard, expectCanvasReady, expectConnection, twoPeopleOnBoard } from './boardPage'
import { shotsOnPage as shots } from './editorState'

/** The sequence strip under a board's canvas. */
export function sequenceStrip(page: Page): Locator {
  return page.getByTestId('sequence-strip')
}

/** The strip's card for one shot. */
export function stripCard(page: Page, shotId: string): Locator {
  return sequenceStrip(page).locator(`[data-testid="strip-shot"][data-shot-id="${shotId}"]`)
}

/** The strip's cards in the order it shows them: `[shot id, number]` pairs. */
export function stripOrder(page: Page): Promise<[string, string][]> {
  return sequenceStrip(page)
    .getByTestId('strip-shot')
    .evaluateAll((cards) =>
      cards.map((card) => [
        card.getAttribute('data-shot-id') ?? '',
        card.querySelector('[data-testid="strip-shot-number"]')?.textContent ?? '',
      ]),
    ) as Promise<[string, string][]>
}

/** Waits until the strip shows exactly these numbers, in this order. */
export async function expectStripNumbers(page: Page, numbers: string[]): Promise<void> {
  await expect.poll(async () => (await stripOrder(page)).map(([, n]) => n)).toEqual(numbers)
}

/** The ids of the currently selected shapes. */
export function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.editor?.getSelectedShapeIds() ?? [])
}

/** Whether the whole of a shot is inside the canvas's visible area. */
export function shotInView(page: Page, shotId: string): Promise<boolean> {
  return page.evaluate<boolean, string>((id) => {
    const editor = window.editor as unknown as {
      getViewportPageBounds(): { x: number; y: number; w: number; h: number }
      getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined
    }
    const view = editor.getViewportPageBounds()
    const shot = editor.getShapePageBounds(id)
    if (!shot) return false
    return shot.x >= view.x && shot.y >= view.y && shot.x + shot.w <= view.x + view.w && shot.y + shot.h <= view.y + view.h
  }, shotId)
}

/**
 * Drags one card onto another, dropping on its left half (`before`) or right half (`after`),
 * with the browser's own drag and drop, as a mouse does.
 */
export async function dragCard(page: Page, shotId: string, onto: string, side: 'before' | 'after'): Promise<void> {
  const target = stripCard(page, onto)
  const box = await target.boundingBox()
  if (!box) throw new Error(`card ${onto} is not on screen`)
  await stripCard(page, shotId).dragTo(target, {
    targetPosition: { x: side === 'before' ? 12 : box.width - 12, y: box.height / 2 },
  })
}

/** Adds a scene with the strip's "+ Scene" button and names it in the scene editor. */
export async function addScene(page: Page, name: string, slugline = ''): Promise<void> {
  await sequenceStrip(page).getByRole('button', { name: '+ Scene' }).click()
  const editor = page.getByTestId('scene-editor')
  await editor.getByLabel('Name').fill(name)
  if (slugline) await editor.getByLabel('Slugline').fill(slugline)
  await editor.getByRole('button', { name: 'Close' }).click()
  await expect(editor).toHaveCount(0)
}

/**
 * Opens a board and waits until its canvas and strip are on screen and it is synced. The
 * first load of the bundle can take longer than one expect timeout on a loaded machine, so
 * this waits on the strip for up to a minute before the usual checks.
 */
export async function openBoardWithStrip(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(sequenceStrip(page)).toBeVisible({ timeout: 60_000 })
  await expectCanvasReady(page)
  await expectConnection(page, 'connected')
}

/** Waits for one more shot than `before` and returns the new one's id. */
export async function newShotId(page: Page, before: string[]): Promise<string> {
  let id = ''
  await expect
    .poll(async () => {
      const added = (await shots(page)).map((s) => s.id as string).filter((s) => !before.includes(s))
      id = added[0] ?? ''
      return added.length
    })
    .toBe(1)
  return id
}

/** The strip's shot ids, in the order it shows them. */
export async function stripIds(page: Page): Promise<string[]> {
  return (await stripOrder(page)).map(([id]) => id)
}

/**
 * Adds a scene named `name` and `count` shots in it as a user does: the scene's "Add shot"
 * button, then Shift+S after the selected shot. Returns the shots' ids in order.
 */
export async function addSceneWithShots(page: Page, name: string, count: number): Promise<string[]> {
  const existing = (await shots(page)).map((s) => s.id as string)
  await addScene(page, name)
  await sequenceStrip(page).getByTestId('strip-scene').filter({ hasText: name }).getByRole('button', { name: /Add shot/ }).click()
  const ids = [await newShotId(page, existing)]
  await leaveNewShotTitle(page)
  while (ids.length < count) {
    await page.keyboard.press('Shift+S')
    ids.push(await newShotId(page, [...existing, ...ids]))
    await leaveNewShotTitle(page)
  }
  return ids
}

/** The shots at the height of `rowOf`, left to right on the canvas. */
export async function canvasRow(page: Page, rowOf: string): Promise<string[]> {
  const all = await shots(page)
  const y = all.find((s) => s.id === rowOf)?.y
  return all
    .filter((s) => s.y === y)
    .sort((a, b) => a.x - b.x)
    .map((s) => s.id as string)
}

/** Every shot's position on the canvas, by id. */
export async function shotPositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return Object.fromEntries((await shots(page)).map((s) => [s.id, { x: s.x, y: s.y }]))
}

/**
 * Opens a new board for two people (Ada and Ben, each with the strip on screen) and gives it one
 * scene, "Chase", of `count` shots made by Ada; returns once Ben's strip shows them.
 */
export async function twoPeopleWithSceneOfShots(newPerson: () => Promise<Page>, serverUrl: string, count: number) {
  const { url, ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Two editors', { open: openBoardWithStrip })
  await addScene(ada, 'Chase')
  await sequenceStrip(ada).getByRole('button', { name: /Add shot/ }).click()
  const ids = [await newShotId(ada, [])]
  await leaveNewShotTitle(ada)
  while (ids.length < count) {
    await ada.keyboard.press('Shift+S')
    ids.push(await newShotId(ada, ids))
    await leaveNewShotTitle(ada)
  }
  await expect.poll(() => stripIds(ben)).toEqual(ids)
  return { url, ada, ben, ids }
}

/**
 * A shot just made with Shift+S or "+ Add shot" has its title open with the keyboard in it:
 * Escape leaves it untitled, selected, with the keyboard on the canvas (so the next Shift+S
 * makes another shot instead of typing an "S" into this title).
 */
export async function leaveNewShotTitle(page: Page): Promise<void> {
  await expect(page.getByLabel('Shot title')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByLabel('Shot title')).toHaveCount(0)
}

/** Ada, on a new board of that name, its strip on screen. */
export async function adaOnNewBoard(newPerson: () => Promise<Page>, serverUrl: string, name: string): Promise<Page> {
  const ada = await newPerson()
  await openBoardWithStrip(ada, boardUrl(serverUrl, await createBoard(serverUrl, name)))
  return ada
}
