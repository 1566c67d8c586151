import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { adaOnNewBoard, addSceneWithShots, canvasRow, newShotId, selectedIds, sequenceStrip, stripCard, stripIds } from './support/sequenceStrip'
import { shotCentre } from './support/settled'

// Working on the canvas from the keyboard: Delete then Shift+S, renaming in place, and F6 between
// the canvas, the shot inspector and the strip (sequenceKeyboard.spec.ts covers the strip's own keys).

test.setTimeout(180_000)

/** Brings a shot into view clear of the panels, as a click on its strip card does; returns its middle. */
async function revealShot(page: Page, shotId: string): Promise<{ x: number; y: number }> {
  await stripCard(page, shotId).getByRole('button', { name: /^Shot / }).click()
  return shotCentre(page, shotId)
}

/** Selects a shot with a click on its strip card, which gives the keyboard back to the canvas. */
async function selectOnCanvas(page: Page, shotId: string): Promise<void> {
  await stripCard(page, shotId).getByRole('button', { name: /^Shot / }).click()
  await expect(page.locator('.tl-container')).toBeFocused()
  await expect.poll(() => selectedIds(page)).toEqual([shotId])
}

/** Clicks a shot on the canvas (brought into view first), which selects it and gives the canvas the keyboard. */
async function clickShot(page: Page, shotId: string): Promise<{ x: number; y: number }> {
  const at = await revealShot(page, shotId)
  await page.mouse.click(at.x, at.y)
  await expect(page.locator('.tl-container')).toBeFocused()
  await expect.poll(() => selectedIds(page)).toEqual([shotId])
  return at
}

test('after Delete on the canvas, the shot that took its place is selected and Shift+S adds the new shot where the deleted one was', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Delete then add')
  const [a, b, c] = (await addSceneWithShots(ada, 'Alley', 3)) as [string, string, string]
  const [d] = (await addSceneWithShots(ada, 'Roof', 1)) as [string]

  // A shot in the middle of its scene: c takes its place, and the new shot goes before c.
  await selectOnCanvas(ada, b)
  await ada.keyboard.press('Delete')
  await expect.poll(() => stripIds(ada)).toEqual([a, c, d])
  await expect.poll(() => selectedIds(ada)).toEqual([c])
  await ada.keyboard.press('Shift+S')
  const e = await newShotId(ada, [a, c, d])
  await expect.poll(() => stripIds(ada)).toEqual([a, e, c, d])
  await expect.poll(() => canvasRow(ada, a)).toEqual([a, e, c])

  // The last shot of a scene: the one before it is selected, and the new shot follows it.
  await selectOnCanvas(ada, c)
  await ada.keyboard.press('Delete')
  await expect.poll(() => selectedIds(ada)).toEqual([e])
  await ada.keyboard.press('Shift+S')
  const f = await newShotId(ada, [a, e, d])
  await expect.poll(() => stripIds(ada)).toEqual([a, e, f, d])

  // The only shot of a scene: nothing left to select, and the new shot goes back into that scene.
  await selectOnCanvas(ada, d)
  await ada.keyboard.press('Delete')
  await expect.poll(() => selectedIds(ada)).toEqual([])
  await ada.keyboard.press('Shift+S')
  const g = await newShotId(ada, [a, e, f])
  await expect.poll(() => stripIds(ada)).toEqual([a, e, f, g])
  await expect(stripCard(ada, g).getByRole('button', { name: /^Shot / })).toHaveAccessibleName('Shot 2.1: Untitled shot')
})

test('with the CPU slowed six times, twelve shots renamed by a double-click and typing at once keep every letter', async ({ newPerson, server }) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Rename in place')
  const shots = await addSceneWithShots(ada, 'Alley', 3)
  const cdp = await ada.context().newCDPSession(ada)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
  for (let i = 0; i < 12; i++) {
    const id = shots[i % shots.length]!
    const at = await revealShot(ada, id)
    const title = `Take ${i + 1} over the rooftops`
    // No wait for the field: the first letter goes as soon as the double-click is done.
    await ada.mouse.dblclick(at.x, at.y)
    await ada.keyboard.type(title)
    await ada.keyboard.press('Enter')
    await expect(ada.getByLabel('Shot title')).toHaveCount(0)
    // Each title whole before the next rename, so a lost letter is seen on the take that lost it.
    await expect.poll(() => ada.evaluate((s) => (window.editor as unknown as { getShape(id: string): { props: { title: string } } }).getShape(s).props.title, id)).toBe(title)
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
})

test('F6 takes the keyboard from the canvas to the shot inspector, then the strip, then back to the canvas (Shift+F6 the other way); Tab on the canvas stays tldraw’s', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Panes')
  const [a, b] = (await addSceneWithShots(ada, 'Alley', 2)) as [string, string]
  await clickShot(ada, a)
  const inspector = ada.getByTestId('shot-inspector')
  const canvas = ada.locator('.tl-container')

  // Tab on the canvas still moves tldraw's selection along the shapes.
  await ada.keyboard.press('Tab')
  await expect.poll(() => selectedIds(ada)).toEqual([b])
  await expect(canvas).toBeFocused()

  await ada.keyboard.press('F6')
  await expect(inspector.getByLabel('Title')).toBeFocused()
  // Inside the inspector, Tab goes field by field.
  await ada.keyboard.type('Rooftop chase')
  await ada.keyboard.press('Tab')
  await expect(inspector.locator(':focus')).toHaveCount(1)
  await ada.keyboard.press('F6')
  await expect(stripCard(ada, b).getByRole('button', { name: /^Shot / })).toBeFocused()
  await ada.keyboard.press('F6')
  await expect(canvas).toBeFocused()
  expect(await selectedIds(ada)).toEqual([b])
  await expect(stripCard(ada, b).getByRole('button', { name: /^Shot / })).toHaveAccessibleName(/Rooftop chase/)

  // Shift+F6 goes round the other way: canvas → strip → inspector → canvas.
  await ada.keyboard.press('Shift+F6')
  await expect(stripCard(ada, b).getByRole('button', { name: /^Shot / })).toBeFocused()
  await ada.keyboard.press('Shift+F6')
  await expect(inspector.getByLabel('Title')).toBeFocused()
  await ada.keyboard.press('Shift+F6')
  await expect(canvas).toBeFocused()
  expect(await selectedIds(ada)).toEqual([b])

  // With no shot selected there is no inspector: F6 goes from the canvas straight to the strip.
  await ada.keyboard.press('Escape')
  await expect.poll(() => selectedIds(ada)).toEqual([])
  await ada.keyboard.press('F6')
  await expect(sequenceStrip(ada).locator('.strip-card__body:focus')).toHaveCount(1)

  // tldraw's shortcuts dialog lists it.
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('Control+Alt+/')
  await expect(ada.getByRole('dialog').getByText('Next panel: canvas, shot inspector, strip')).toBeVisible()
})
