import type { Page } from '@playwright/test'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { expect, test } from './support/fixtures'
import { adaOnNewBoard, addScene, addSceneWithShots, canvasRow, leaveNewShotTitle, newShotId, selectedIds, sequenceStrip, shotInView, stripCard, stripIds } from './support/sequenceStrip'

// The sequence strip from the keyboard (sequence.spec.ts covers building the storyboard in it).

test.setTimeout(180_000)

/** The body of a shot's strip card: the button that takes the keyboard. */
function stripCardBody(page: Page, shotId: string) {
  return stripCard(page, shotId).getByRole('button', { name: /^Shot / })
}

test('the strip is one Tab stop: arrows move between cards, Enter selects and brings the shot into view, Enter again renames', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Keyboard')
  const [a, b, c] = (await addSceneWithShots(ada, 'Alley', 3)) as [string, string, string]
  const card = (id: string) => stripCardBody(ada, id)

  // From the scene's add button, Tab lands on the selected shot's card (named, with a ring); the next Tab leaves the strip.
  await sequenceStrip(ada).getByRole('button', { name: 'Add shot at the end of Scene 1' }).focus()
  await ada.keyboard.press('Tab')
  await expect(card(c)).toBeFocused()
  await expect(card(c)).toHaveAccessibleName('Shot 1.3: Untitled shot')
  await expect(card(c)).toHaveCSS('outline-style', 'solid')
  await ada.keyboard.press('Tab')
  await expect(sequenceStrip(ada).getByTestId('strip-shot').locator(':focus')).toHaveCount(0)
  await ada.keyboard.press('Shift+Tab')
  await expect(card(c)).toBeFocused()

  // Arrows move the focus only; Enter selects the shot and brings it back into view.
  await ada.keyboard.press('ArrowLeft')
  await ada.keyboard.press('ArrowLeft')
  await expect(card(a)).toBeFocused()
  expect(await selectedIds(ada)).toEqual([c])
  await ada.mouse.move(640, 300)
  await ada.mouse.wheel(4000, 0)
  await expect.poll(() => shotInView(ada, a)).toBe(false)
  await ada.keyboard.press('Enter')
  await expect.poll(() => selectedIds(ada)).toEqual([a])
  await expect.poll(() => shotInView(ada, a)).toBe(true)
  await expect(card(a)).toBeFocused()

  // Page Down still steps the sequence, and the focus follows; Enter on the selected shot edits its title.
  await ada.keyboard.press('PageDown')
  await expect.poll(() => selectedIds(ada)).toEqual([b])
  await expect(card(b)).toBeFocused()
  await ada.keyboard.press('Enter')
  await expect(ada.getByLabel('Shot title')).toBeFocused()
  await ada.keyboard.type('Into the alley')
  await ada.keyboard.press('Enter')
  await expect(stripCard(ada, b)).toContainText('Into the alley')
})

test('Shift+3 takes the keyboard from the canvas to the selected shot in the strip (opening a collapsed strip), Escape gives it back with the shot still selected; the shortcuts dialog lists both', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Keys to the strip')
  const made: string[] = []
  for (let i = 0; i < 3; i++) {
    await ada.keyboard.press('Shift+S')
    made.push(await newShotId(ada, made))
    await leaveNewShotTitle(ada)
  }
  const [a, b, c] = made as [string, string, string]
  const card = (id: string) => stripCardBody(ada, id)
  const canvas = ada.locator('.tl-container')
  await expect(sequenceStrip(ada)).toHaveAttribute('aria-keyshortcuts', 'Shift+3')

  // From the canvas, with the middle shot selected: Shift+3 focuses its card (named, ringed).
  await ada.keyboard.press('PageUp')
  await expect.poll(() => selectedIds(ada)).toEqual([b])
  await ada.keyboard.press('Shift+3')
  await expect(card(b)).toBeFocused()
  await expect(card(b)).toHaveAccessibleName('Shot 2: Untitled shot')
  await expect(card(b)).toHaveCSS('outline-style', 'solid')
  await ada.keyboard.press('ArrowLeft')
  await expect(card(a)).toBeFocused()

  // Escape: back on the canvas, the selection kept, and the canvas's keys work at once.
  await ada.keyboard.press('Escape')
  await expect(canvas).toBeFocused()
  expect(await selectedIds(ada)).toEqual([b])
  await ada.keyboard.press('PageDown')
  await expect.poll(() => selectedIds(ada)).toEqual([c])

  // A collapsed strip opens for it, on the selected shot's card.
  await sequenceStrip(ada).getByRole('button', { name: 'Hide sequence strip' }).click()
  await expect(sequenceStrip(ada).getByTestId('strip-shot')).toHaveCount(0)
  await canvas.focus()
  await ada.keyboard.press('Shift+3')
  await expect(card(c)).toBeFocused()
  await ada.keyboard.press('Escape')
  await expect(canvas).toBeFocused()

  // Nothing selected: the strip's Tab stop, the card the keyboard was last on.
  await ada.keyboard.press('Escape')
  await expect.poll(() => selectedIds(ada)).toEqual([])
  await ada.keyboard.press('Shift+3')
  await expect(card(c)).toBeFocused()
  await ada.keyboard.press('Escape')

  // tldraw's keyboard shortcuts dialog (Ctrl+Alt+/) lists both keys in its Storyboard group.
  await ada.keyboard.press('Control+Alt+/')
  const dialog = ada.getByRole('dialog')
  await expect(dialog.getByText('Go to sequence strip')).toBeVisible()
  await expect(dialog.getByText('Back to canvas from the strip')).toBeVisible()
  await expect(dialog.getByText('Move shot earlier / later, in the strip')).toBeVisible()
  await ada.screenshot({ path: test.info().outputPath('shortcuts-dialog.png') })
})

test('after naming a new scene, Shift+S then Enter titles the new shot, without a click on the canvas first', async ({ newPerson, server }) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Titles')
  // The scene popover closes with the keyboard nowhere in particular (its Close button is gone).
  await addScene(ada, 'Bank')
  await ada.keyboard.press('Shift+S')
  const shot = await newShotId(ada, [])
  await ada.keyboard.press('Enter')
  await expect(ada.getByLabel('Shot title')).toBeFocused()
  await ada.keyboard.type('Crew van pulls up')
  await ada.keyboard.press('Escape')
  await expect(stripCardBody(ada, shot)).toHaveAccessibleName(`Shot 1.1: ${isolatedName('Crew van pulls up')}`)
})

test('a fast typist titles shot after shot: every key typed right after Enter lands in the title, in order, on a slowed-down machine', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Fast titles')
  // A loaded laptop: the title field used to take the keyboard a frame after Enter's key-up, and
  // the keys typed meanwhile went to the canvas (lost, or tldraw shortcuts).
  const cdp = await ada.context().newCDPSession(ada)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
  const titles = ['Van pulls up', 'Masks on', 'Doors slam', 'Guard looks up', 'Alarm rings']
  const made: string[] = []
  for (const title of titles) {
    await ada.keyboard.press('Shift+S')
    made.push(await newShotId(ada, made))
    // No wait for the field: Enter, the title and Enter again, as fast as the keys go.
    await ada.keyboard.press('Enter')
    await ada.keyboard.type(title)
    await ada.keyboard.press('Enter')
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  for (const [i, id] of made.entries()) {
    await expect(stripCardBody(ada, id)).toHaveAccessibleName(`Shot ${i + 1}: ${isolatedName(titles[i]!)}`)
  }
})

test('Alt+Shift+→ / ← on a strip card move its shot along the sequence (into the next scene at a scene end), on the canvas too, the keyboard staying on it; Ctrl+Z takes a move back', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Keyboard reorder')
  const [a, b, c] = (await addSceneWithShots(ada, 'Alley', 3)) as [string, string, string]
  const [d] = (await addSceneWithShots(ada, 'Roof', 1)) as [string]
  const card = (id: string) => stripCardBody(ada, id)
  await card(a).click()
  await ada.keyboard.press('Shift+3')
  await expect(card(a)).toBeFocused()

  // Two places later: after c, in the strip and on the canvas, the keyboard still on its card.
  await ada.keyboard.press('Alt+Shift+ArrowRight')
  await ada.keyboard.press('Alt+Shift+ArrowRight')
  await expect.poll(() => stripIds(ada)).toEqual([b, c, a, d])
  await expect(card(a)).toBeFocused()
  await expect(card(a)).toHaveAccessibleName('Shot 1.3: Untitled shot')
  await expect.poll(() => canvasRow(ada, b)).toEqual([b, c, a])

  // Once more: out of Alley, to the start of Roof.
  await ada.keyboard.press('Alt+Shift+ArrowRight')
  await expect(card(a)).toHaveAccessibleName('Shot 2.1: Untitled shot')
  await expect(card(a)).toBeFocused()
  await expect.poll(() => stripIds(ada)).toEqual([b, c, a, d])

  await ada.keyboard.press('Control+z')
  await expect(card(a)).toHaveAccessibleName('Shot 1.3: Untitled shot')
  await ada.keyboard.press('Alt+Shift+ArrowLeft')
  await expect.poll(() => stripIds(ada)).toEqual([b, a, c, d])
  await expect(card(a)).toBeFocused()
})

test('a shot moved with Alt+Shift+← from the next scene to the end of a long row is brought into view, as the Scene picker does', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Keyboard reorder view')
  const [a, , , d] = (await addSceneWithShots(ada, 'Quay', 4)) as [string, string, string, string]
  const [e] = (await addSceneWithShots(ada, 'Water', 1)) as [string]
  await stripCardBody(ada, e).click()
  await expect.poll(() => shotInView(ada, e)).toBe(true)
  await ada.keyboard.press('Shift+3')
  await expect(stripCardBody(ada, e)).toBeFocused()

  // Out of Water, to the end of Quay: on the canvas after 1.4, far right of the view it was in.
  await ada.keyboard.press('Alt+Shift+ArrowLeft')
  await expect(stripCardBody(ada, e)).toHaveAccessibleName('Shot 1.5: Untitled shot')
  await expect.poll(() => canvasRow(ada, a)).toEqual(expect.arrayContaining([d, e]))
  // The selected shot the keyboard is on stays in sight (it was left off screen), the keyboard on its card.
  await expect.poll(() => shotInView(ada, e)).toBe(true)
  await expect(stripCardBody(ada, e)).toBeFocused()
})

test('Delete on a strip card leaves the keyboard in the strip, on the card that took its place (the one before, at the end)', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Keyboard delete')
  const [a, b, c] = (await addSceneWithShots(ada, 'Alley', 3)) as [string, string, string]
  const card = (id: string) => stripCardBody(ada, id)
  await ada.keyboard.press('PageUp')
  await ada.keyboard.press('Shift+3')
  await expect(card(b)).toBeFocused()

  await ada.keyboard.press('Delete')
  await expect.poll(() => stripIds(ada)).toEqual([a, c])
  await expect(card(c)).toBeFocused()
  // The strip's keys go on working from there: Enter selects, Delete deletes.
  await ada.keyboard.press('Enter')
  await expect.poll(() => selectedIds(ada)).toEqual([c])
  await ada.keyboard.press('Delete')
  await expect.poll(() => stripIds(ada)).toEqual([a])
  await expect(card(a)).toBeFocused()
  await ada.keyboard.press('Control+z')
  await expect.poll(() => stripIds(ada)).toEqual([a, c])
})

test('a rename started from a strip card gives the keyboard back to that card when Enter commits it or Escape leaves it', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Keyboard rename')
  const [a, b, c] = (await addSceneWithShots(ada, 'Alley', 3)) as [string, string, string]
  const card = (id: string) => stripCardBody(ada, id)
  await ada.keyboard.press('Shift+3')
  await expect(card(c)).toBeFocused()
  await ada.keyboard.press('ArrowLeft')
  await ada.keyboard.press('Enter')
  await expect.poll(() => selectedIds(ada)).toEqual([b])

  // Enter again renames; Enter commits, and the keyboard is on b's card again: the arrows go on along the strip.
  await ada.keyboard.press('Enter')
  await expect(ada.getByLabel('Shot title')).toBeFocused()
  await ada.keyboard.type('Into the alley')
  await ada.keyboard.press('Enter')
  await expect(card(b)).toHaveAccessibleName(`Shot 1.2: ${isolatedName('Into the alley')}`)
  await expect(card(b)).toBeFocused()
  await ada.keyboard.press('ArrowRight')
  await expect(card(c)).toBeFocused()

  // Escape leaves a rename (what was typed stays, as on the canvas) with the keyboard back on the card too.
  await ada.keyboard.press('Enter')
  await expect.poll(() => selectedIds(ada)).toEqual([c])
  await ada.keyboard.press('Enter')
  await expect(ada.getByLabel('Shot title')).toBeFocused()
  await ada.keyboard.type('Dead end')
  await ada.keyboard.press('Escape')
  await expect(card(c)).toHaveAccessibleName(`Shot 1.3: ${isolatedName('Dead end')}`)
  await expect(card(c)).toBeFocused()
  await ada.keyboard.press('Home')
  await expect(card(a)).toBeFocused()
  expect(await selectedIds(ada)).toEqual([c])
})
