import type { Page } from '@playwright/test'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { expect, test } from './support/fixtures'
import { adaOnNewBoard, addScene, newShotId, selectedIds, sequenceStrip, stripCard, stripIds } from './support/sequenceStrip'

// A writer adding shots from the keyboard: the new shot's title takes the typing at once.

test.setTimeout(120_000)

function stripCardBody(page: Page, shotId: string) {
  return stripCard(page, shotId).getByRole('button', { name: /^Shot / })
}

const currentTool = (page: Page) => page.evaluate(() => window.editor?.getCurrentToolId())

test('at 1280×720, a shot made with "+ Add shot" or Shift+S takes the title typed right after it, and Enter gives the canvas its keys back', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Harbour at dawn')
  await ada.setViewportSize({ width: 1280, height: 720 })
  await addScene(ada, 'Docks', 'EXT. DOCKS – DAWN')

  // "+ Add shot", then the title typed at once: its "d" and "r" picked the draw and rectangle tools.
  await sequenceStrip(ada).getByRole('button', { name: /Add shot/ }).click()
  const first = await newShotId(ada, [])
  await ada.keyboard.type('drone over the docks')
  await ada.keyboard.press('Enter')
  await expect(stripCardBody(ada, first)).toHaveAccessibleName(`Shot 1.1: ${isolatedName('drone over the docks')}`)
  expect(await currentTool(ada)).toBe('select')

  // Enter gave the keyboard back to the canvas with the shot selected: Shift+S makes the next one,
  // whose title takes the keys as well.
  await ada.keyboard.press('Shift+S')
  const second = await newShotId(ada, [first])
  await ada.keyboard.type('dock worker yawns')
  await ada.keyboard.press('Enter')
  await expect(stripCardBody(ada, second)).toHaveAccessibleName(`Shot 1.2: ${isolatedName('dock worker yawns')}`)
  expect(await currentTool(ada)).toBe('select')

  // Escape leaves a new shot untitled, selected, with the keyboard on the canvas (Page Up steps back).
  await ada.keyboard.press('Shift+S')
  const third = await newShotId(ada, [first, second])
  await expect(ada.getByLabel('Shot title')).toBeFocused()
  await ada.keyboard.press('Escape')
  await expect(stripCardBody(ada, third)).toHaveAccessibleName('Shot 1.3: Untitled shot')
  await ada.keyboard.press('PageUp')
  await expect.poll(() => ada.evaluate(() => window.editor?.getSelectedShapeIds())).toEqual([second])
  await ada.screenshot({ path: test.info().outputPath('titled-shots.png') })
})

test('at 1280×720 the shot inspector has Action and Dialogue in reach without scrolling, and Tab from a new shot\'s title goes on to its action', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Ferry crossing')
  await ada.setViewportSize({ width: 1280, height: 720 })
  await ada.keyboard.press('Shift+S')
  const shot = await newShotId(ada, [])
  const inspector = ada.getByTestId('shot-inspector')
  await expect(inspector.getByLabel('Action')).toBeInViewport({ ratio: 1 })
  await expect(inspector.getByLabel('Dialogue / VO')).toBeInViewport({ ratio: 1 })

  await ada.keyboard.type('Ferry leaves')
  await ada.keyboard.press('Tab')
  await expect(inspector.getByLabel('Action')).toBeFocused()
  await ada.keyboard.type('The horn sounds.')
  await ada.keyboard.press('Tab')
  await expect(inspector.getByLabel('Dialogue / VO')).toBeFocused()
  await ada.keyboard.type('MATE: All aboard!')
  const props = await ada.evaluate((id) => window.editor?.getCurrentPageShapes().find((s) => s.id === id)?.props, shot)
  expect(props).toMatchObject({ title: 'Ferry leaves', action: 'The horn sounds.', dialogue: 'MATE: All aboard!' })
  await ada.screenshot({ path: test.info().outputPath('inspector-1280x720.png') })
})

test('right after Shift+S, Ctrl+Z takes the new shot back in one press, and a click on a strip card ends a new title so Page Down and Delete act on the shots', async ({
  newPerson,
  server,
}) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Second thoughts')
  await addScene(ada, 'Pier')
  await sequenceStrip(ada).getByRole('button', { name: /Add shot/ }).click()
  const first = await newShotId(ada, [])
  await ada.keyboard.type('Pier at night')
  await ada.keyboard.press('Enter')

  // Ctrl+Z while the new title is open and untouched: the shot goes, as it did before the title
  // opened by itself, and the keyboard is the canvas's again (Shift+S makes another shot).
  await ada.keyboard.press('Shift+S')
  const unwanted = await newShotId(ada, [first])
  await expect(ada.getByLabel('Shot title')).toBeFocused()
  await ada.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => stripIds(ada)).toEqual([first])
  await expect(ada.getByLabel('Shot title')).toHaveCount(0)
  expect(await stripIds(ada)).not.toContain(unwanted)
  await ada.keyboard.press('Shift+S')
  const second = await newShotId(ada, [first])
  await expect(ada.getByLabel('Shot title')).toBeFocused()

  // A click on another shot's strip card, the new title still open: the title closes and the
  // canvas's keys act on the shot picked (Page Down steps on, Delete removes it).
  await stripCardBody(ada, first).click()
  await expect(ada.getByLabel('Shot title')).toHaveCount(0)
  await expect.poll(() => selectedIds(ada)).toEqual([first])
  await ada.keyboard.press('PageDown')
  await expect.poll(() => selectedIds(ada)).toEqual([second])
  await ada.keyboard.press('Delete')
  await expect.poll(() => stripIds(ada)).toEqual([first])
})
