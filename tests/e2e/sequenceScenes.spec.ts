import type { Page } from '@playwright/test'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { boardUrl, createBoard, twoPeopleOnBoard } from './support/boardPage'
import { shotsOnPage as shots } from './support/editorState'
import { expect, test } from './support/fixtures'
import {
  addScene,
  dragCard,
  expectStripNumbers,
  newShotId,
  openBoardWithStrip,
  sequenceStrip,
  stripCard,
  stripIds,
  stripOrder,
  twoPeopleWithSceneOfShots,
  leaveNewShotTitle,
} from './support/sequenceStrip'

// Scenes in the sequence: their headings, editing them live, moving a shot into another one
// (sequence.spec.ts covers building and ordering the shots).

test.setTimeout(180_000)

test('a scene heading in the strip names the scene first, then its slugline, on its one line', async ({ newPerson, server }) => {
  const page = await newPerson()
  await openBoardWithStrip(page, boardUrl(server.url, await createBoard(server.url, 'Market day')))
  // Two scenes at one place: only their names tell them apart.
  await addScene(page, 'Market chase', 'EXT. MARKET – DAY')
  await sequenceStrip(page).getByRole('button', { name: /Add shot/ }).click()
  const first = await newShotId(page, [])
  await leaveNewShotTitle(page)
  await page.keyboard.press('Shift+S')
  const second = await newShotId(page, [first])
  await leaveNewShotTitle(page)
  await page.keyboard.press('Shift+S')
  await newShotId(page, [first, second])
  await leaveNewShotTitle(page)
  await addScene(page, 'Market escape', 'EXT. MARKET – DAY')

  const heading = sequenceStrip(page).getByRole('button', {
    name: `Scene 1: ${isolatedName('Market chase')}, ${isolatedName('EXT. MARKET – DAY')}. Edit scene`,
  })
  await expect(heading).toBeVisible()
  const parts = await heading.evaluate((button) => {
    const part = (selector: string) => {
      const el = button.querySelector<HTMLElement>(selector)!
      const box = el.getBoundingClientRect()
      return { text: el.textContent, left: box.left, right: box.right, middle: box.top + box.height / 2, whole: el.scrollWidth <= el.clientWidth }
    }
    const band = button.closest('[data-testid="strip-scene"]')!.getBoundingClientRect()
    return { name: part('.strip-group__name'), slugline: part('.strip-group__slugline'), height: button.getBoundingClientRect().height, bandRight: band.right, right: button.getBoundingClientRect().right }
  })
  expect(parts.name).toMatchObject({ text: 'Market chase', whole: true })
  expect(parts.slugline).toMatchObject({ text: 'EXT. MARKET – DAY', whole: true })
  // Name first, the slugline after it on the same line; the heading keeps its height and band.
  expect(parts.name.right).toBeLessThanOrEqual(parts.slugline.left)
  expect(Math.abs(parts.name.middle - parts.slugline.middle)).toBeLessThan(2)
  expect(parts.height).toBe(24)
  expect(parts.right).toBeLessThanOrEqual(parts.bandRight + 0.5)
  // A scene without shots has no cards to make room: its band widens to its whole heading…
  const empty = sequenceStrip(page).getByRole('button', {
    name: `Scene 2: ${isolatedName('Market escape')}, ${isolatedName('EXT. MARKET – DAY')}. Edit scene`,
  })
  const whole = (button: typeof empty, part: string) => button.locator(part).evaluate((el) => el.scrollWidth <= el.clientWidth)
  expect(await whole(empty, '.strip-group__name')).toBe(true)
  expect(await whole(empty, '.strip-group__slugline')).toBe(true)
  // …up to a point: past it the slugline gives way to the name first, and the heading's tooltip
  // has it all.
  await addScene(page, 'The getaway through the old harbour district at night', 'EXT. HARBOUR – NIGHT')
  const long = sequenceStrip(page).getByRole('button', { name: /^Scene 3: / })
  await expect(long).toHaveAttribute('title', `Scene 3: ${isolatedName('The getaway through the old harbour district at night')} — ${isolatedName('EXT. HARBOUR – NIGHT')}. Edit scene`)
  const width = (part: string) => long.locator(part).evaluate((el) => el.clientWidth)
  // Too long for the band, the name has every bit of the line (ending in an ellipsis); the slugline
  // gave way whole, wrapped out of sight, rather than leave a sliver.
  expect(await long.locator('.strip-group__name').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  expect(await width('.strip-group__name')).toBe(await width('.strip-group__text'))
  expect(await long.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(
    await long.evaluate((el) => el.closest('[data-testid="strip-scene"]')!.getBoundingClientRect().right + 0.5),
  )
  await page.screenshot({ path: test.info().outputPath('strip-scene-names.png') })
  // The shot inspector's scene picker tells the two market scenes apart the same way.
  await stripCard(page, first).click()
  const picker = page.getByTestId('shot-inspector').getByLabel('Scene')
  await expect(picker.locator('option')).toHaveText([
    'No scene',
    `1 — ${isolatedName('Market chase')} · ${isolatedName('EXT. MARKET – DAY')}`,
    `2 — ${isolatedName('Market escape')} · ${isolatedName('EXT. MARKET – DAY')}`,
    `3 — ${isolatedName('The getaway through the old harbour district at night')} · ${isolatedName('EXT. HARBOUR – NIGHT')}`,
  ])
})

test('a scene heading over one shot keeps the scene’s name whole and lets the slugline go first', async ({ newPerson, server }) => {
  const page = await newPerson({ viewport: { width: 1280, height: 720 } })
  await openBoardWithStrip(page, boardUrl(server.url, await createBoard(server.url, 'Harbour heist')))
  await addScene(page, 'Arrival', 'EXT. HARBOUR – NIGHT')
  await sequenceStrip(page).getByRole('button', { name: /Add shot/ }).click()
  await newShotId(page, [])
  const heading = sequenceStrip(page).getByRole('button', { name: /^Scene 1: / })
  // The band is one card wide, too narrow for both: the name (what people scan for) is whole…
  await expect.poll(() => heading.locator('.strip-group__name').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  // …the slugline, if any of it shows, ends in an ellipsis with a few letters, never a sliver…
  const slugline = heading.locator('.strip-group__slugline')
  if ((await slugline.count()) > 0) expect(await slugline.evaluate((el) => el.clientWidth)).toBeGreaterThanOrEqual(20)
  // …and the whole heading is the button's name and tooltip; the heading stays inside its band.
  await expect(heading).toHaveAccessibleName(`Scene 1: ${isolatedName('Arrival')}, ${isolatedName('EXT. HARBOUR – NIGHT')}. Edit scene`)
  await expect(heading).toHaveAttribute('title', `Scene 1: ${isolatedName('Arrival')} — ${isolatedName('EXT. HARBOUR – NIGHT')}. Edit scene`)
  expect(await heading.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(
    await heading.evaluate((el) => el.closest('[data-testid="strip-scene"]')!.getBoundingClientRect().right + 0.5),
  )
  await sequenceStrip(page).screenshot({ path: test.info().outputPath('one-shot-scene-heading.png') })
})

test('a shot moved to another scene in the inspector moves to that scene’s row on the canvas and the row it left closes up, for both people, and one undo puts both back', async ({
  newPerson,
  server,
}) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Bank job', { open: openBoardWithStrip })
  await addScene(ada, 'Bank')
  await ada.keyboard.press('Shift+S')
  const bank = [await newShotId(ada, [])]
  await leaveNewShotTitle(ada)
  await ada.keyboard.press('Shift+S')
  bank.push(await newShotId(ada, bank))
  await leaveNewShotTitle(ada)
  await addScene(ada, 'Vault')
  await ada.keyboard.press('Shift+S')
  const vault = await newShotId(ada, bank)
  await leaveNewShotTitle(ada)
  const shot = async (page: Page, id: string) => (await shots(page)).find((s) => s.id === id)!
  const lastOfVault = await shot(ada, vault)
  // The vault's row is below the bank's, as an art director lays scenes out.
  const where = async (page: Page, id: string) => {
    const { x, y } = await shot(page, id)
    return { x: Math.round(x), y: Math.round(y) }
  }
  const before = await where(ada, bank[0]!)
  const secondBefore = await where(ada, bank[1]!)
  await ada.evaluate(
    ([id, y]) => {
      ;(window as unknown as { editor: { updateShapes(s: unknown[]): void } }).editor.updateShapes([{ id, type: 'shot', y }])
    },
    [vault, before.y + 800] as const,
  )
  await expect.poll(() => where(ben, vault)).toEqual({ x: Math.round(lastOfVault.x), y: before.y + 800 })

  await stripCard(ada, bank[0]!).click()
  await ada.getByTestId('shot-inspector').getByLabel('Scene').selectOption({ label: `2 — ${isolatedName('Vault')}` })
  await expectStripNumbers(ben, ['1.1', '2.1', '2.2'])
  // On the vault's row, after its last shot, on both screens.
  for (const page of [ada, ben]) {
    await expect.poll(async () => (await where(page, bank[0]!)).y).toBe(before.y + 800)
    expect((await where(page, bank[0]!)).x).toBeGreaterThan(Math.round(lastOfVault.x + (lastOfVault.props as { w: number }).w))
    // The bank's row closes up: its other shot takes the slot the moved one left (it used to leave a gap).
    await expect.poll(() => where(page, bank[1]!)).toEqual(before)
  }
  await ada.getByRole('button', { name: 'Undo' }).first().click()
  await expectStripNumbers(ben, ['1.1', '1.2', '2.1'])
  for (const page of [ada, ben]) {
    await expect.poll(() => where(page, bank[0]!)).toEqual(before)
    await expect.poll(() => where(page, bank[1]!)).toEqual(secondBefore)
  }
})

test('Enter in a scene popover’s Name, Slugline or Location keeps what was typed and closes it, the keyboard back on the scene’s heading; the slugline fills an empty Location and Time of day', async ({
  newPerson,
  server,
}) => {
  const page = await newPerson()
  await openBoardWithStrip(page, boardUrl(server.url, await createBoard(server.url, 'Heist')))
  await addScene(page, 'Getaway')
  const sceneEditor = page.getByTestId('scene-editor')
  const heading = (slugline: string) =>
    sequenceStrip(page).getByRole('button', {
      name: `Scene 1: ${isolatedName('Getaway')}${slugline ? `, ${isolatedName(slugline)}` : ''}. Edit scene`,
    })

  // As in a form: type the slugline, Enter — done, with no reach for the Close button.
  await heading('').click()
  await expect(sceneEditor.getByLabel('Name')).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.type('EXT. QUAY – NIGHT')
  await page.keyboard.press('Enter')
  await expect(sceneEditor).toHaveCount(0)
  await expect(heading('EXT. QUAY – NIGHT')).toBeFocused()

  // From the Location field too, and Enter on the heading opens it again. The slugline filled
  // the empty Location (as typed) and Time of day.
  await page.keyboard.press('Enter')
  await expect(sceneEditor.getByLabel('Location')).toHaveValue('QUAY')
  await expect(sceneEditor.getByLabel('Time of day')).toHaveValue('night')
  await sceneEditor.getByLabel('Location').fill('Harbour quay')
  await sceneEditor.getByLabel('Location').press('Enter')
  await expect(sceneEditor).toHaveCount(0)
  await expect(heading('EXT. QUAY – NIGHT')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(sceneEditor.getByLabel('Location')).toHaveValue('Harbour quay')

  // A Location typed by hand stays whatever the slugline says next; the time still follows it.
  await sceneEditor.getByLabel('Slugline').fill('EXT. PIER – DAY')
  await expect(sceneEditor.getByLabel('Time of day')).toHaveValue('day')
  await expect(sceneEditor.getByLabel('Location')).toHaveValue('Harbour quay')
})

test('scenes are edited live, deleting one keeps its shots (undoably), impossible names are refused, the strip collapses', async ({
  newPerson,
  server,
}) => {
  test.setTimeout(180_000)
  const { ada, ben, ids } = await twoPeopleWithSceneOfShots(newPerson, server.url, 2)
  const [a, b] = ids as [string, string]

  // Ada edits the scene: slugline, time of day and colour reach Ben's strip.
  await sequenceStrip(ada).getByRole('button', { name: `Scene 1: ${isolatedName('Chase')}. Edit scene` }).click()
  const sceneEditor = ada.getByTestId('scene-editor')
  await sceneEditor.getByLabel('Slugline').fill('EXT. MARKET – DAY')
  await sceneEditor.getByLabel('Time of day').selectOption('day')
  await sceneEditor.getByRole('radio', { name: 'Orange' }).click()
  await expect(sequenceStrip(ben).getByTestId('strip-scene')).toContainText('EXT. MARKET – DAY')
  await ada.screenshot({ path: test.info().outputPath('scene-editor.png') })

  // A name longer than the board accepts is refused with a message, never cut silently.
  await sceneEditor.getByLabel('Name').fill('x'.repeat(200))
  await expect(sceneEditor.getByRole('alert')).toHaveText('Name can be at most 200 characters.')
  await sceneEditor.getByLabel('Name').fill('Market chase')
  await expect(sceneEditor.getByRole('alert')).toHaveCount(0)

  // Ctrl+Z in the Name field undoes what was typed in it since it got focus (one step, as in the
  // inspector), and nothing before; Ctrl+Y brings it back.
  const nameField = sceneEditor.getByLabel('Name')
  await sceneEditor.getByLabel('Slugline').click()
  await nameField.click()
  await nameField.press('End')
  await ada.keyboard.type(' at dusk')
  await expect(nameField).toHaveValue('Market chase at dusk')
  await ada.keyboard.press('Control+z')
  await expect(nameField).toHaveValue('Market chase')
  await expect(sequenceStrip(ben).getByTestId('strip-scene')).not.toContainText('at dusk')
  await ada.keyboard.press('Control+y')
  await expect(nameField).toHaveValue('Market chase at dusk')
  await ada.keyboard.press('Control+z')
  await expect(nameField).toHaveValue('Market chase')
  // Past what was typed here, Ctrl+Z changes nothing and says so beside the field (the strip has
  // no toasts), until the next key.
  const fieldStatus = sceneEditor.locator('.scene-editor__text-field', { has: ada.getByLabel('Name', { exact: true }) }).getByRole('status')
  await expect(fieldStatus).toHaveText('')
  await ada.keyboard.press('Control+z')
  await expect(nameField).toHaveValue('Market chase')
  await expect(fieldStatus).toHaveText('Nothing more you typed here to undo')
  await ada.keyboard.press('Control+z')
  await expect(fieldStatus).toHaveText('Nothing more you typed here to undo')
  // A pause in typing (a second or more) ends a step, as in the shot inspector: the words after it undo on their own.
  await ada.keyboard.type(' at dusk')
  await expect(nameField).toHaveValue('Market chase at dusk')
  await expect(fieldStatus).toHaveText('')
  await ada.waitForTimeout(1300)
  await ada.keyboard.type(' in rain')
  await ada.keyboard.press('Control+z')
  await expect(nameField).toHaveValue('Market chase at dusk')
  await ada.keyboard.press('Control+z')
  await expect(nameField).toHaveValue('Market chase')
  // Redo with nothing undone here says so too, and the notice goes by itself after a few seconds.
  await ada.keyboard.type('!')
  await ada.keyboard.press('Control+y')
  await expect(fieldStatus).toHaveText('Nothing you undid here to redo')
  await expect(fieldStatus).toHaveText('', { timeout: 10_000 })
  await ada.keyboard.press('Backspace')
  await expect(nameField).toHaveValue('Market chase')

  // Escape closes the popover first, wherever the focus is: in it, the focus goes back to the
  // scene's heading; on a card in the strip (whose own Escape goes back to the canvas, and left
  // the popover open), it stays on the card. Then Escape goes on to the canvas as usual.
  const heading = sequenceStrip(ada).getByRole('button', {
    name: `Scene 1: ${isolatedName('Market chase')}, ${isolatedName('EXT. MARKET – DAY')}. Edit scene`,
  })
  await ada.keyboard.press('Escape')
  await expect(sceneEditor).toHaveCount(0)
  await expect(heading).toBeFocused()
  await heading.click()
  await stripCard(ada, a).locator('.strip-card__body').focus()
  await ada.keyboard.press('Escape')
  await expect(sceneEditor).toHaveCount(0)
  await expect(stripCard(ada, a).locator('.strip-card__body')).toBeFocused()
  await heading.click()

  // 1.2 dragged in front of 1.1 also swaps them on the canvas (the scene read in strip order).
  // Ada then drags 1.1 off the row; "Arrange on canvas" lays the scene out again in strip order,
  // left to right on one line, and one undo puts the shots back where she left them.
  const at = async (id: string) => {
    const { x, y } = (await shots(ada)).find((shot) => shot.id === id)!
    return { x: Math.round(x), y: Math.round(y) }
  }
  expect((await at(a)).x).toBeLessThan((await at(b)).x)
  await dragCard(ada, b, a, 'before')
  await expect.poll(() => stripIds(ben)).toEqual([b, a])
  await expect.poll(async () => (await at(b)).x < (await at(a)).x).toBe(true)
  const offRow = { x: (await at(b)).x, y: (await at(b)).y + 800 }
  await ada.evaluate(
    ([id, x, y]) => {
      ;(window as unknown as { editor: { updateShapes(s: unknown[]): void } }).editor.updateShapes([{ id, type: 'shot', x, y }])
    },
    [a, offRow.x, offRow.y] as const,
  )
  const scattered = [await at(a), await at(b)]
  await sceneEditor.getByRole('button', { name: 'Arrange on canvas' }).click()
  await expect.poll(async () => (await at(b)).x < (await at(a)).x && (await at(a)).y === (await at(b)).y).toBe(true)
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => [await at(a), await at(b)]).toEqual(scattered)
  await expect.poll(() => stripIds(ben)).toEqual([b, a])

  // Deleting says what happens to the shots, and they stay, numbered plainly as the board has no scene left.
  await sceneEditor.getByRole('button', { name: 'Delete scene…' }).click()
  await expect(sceneEditor.getByRole('alert')).toContainText('Its 2 shots stay on the canvas')
  await sceneEditor.getByRole('button', { name: 'Delete scene', exact: true }).click()
  await expect(sceneEditor).toHaveCount(0)
  await expect.poll(() => stripOrder(ben)).toEqual([
    [b, '1'],
    [a, '2'],
  ])
  await expect(sequenceStrip(ben).getByTestId('strip-scene')).toHaveText(/No scene/)
  // The board has no scene left: plain 1, 2 and no 0 on the heading (0.1 is for boards with scenes).
  await expect(sequenceStrip(ben).getByTestId('strip-scene').locator('.strip-group__number')).toHaveCount(0)

  // One undo brings the scene back with its shots.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => stripOrder(ben)).toEqual([
    [b, '1.1'],
    [a, '1.2'],
  ])
  await expect(sequenceStrip(ben).getByTestId('strip-scene')).toContainText('EXT. MARKET – DAY')

  // Ben collapses the strip to a one-line bar (runtime still shown); it stays so on his device.
  await sequenceStrip(ben).getByRole('button', { name: 'Hide sequence strip' }).click()
  await expect(sequenceStrip(ben).getByTestId('strip-shot')).toHaveCount(0)
  await expect(ben.getByTestId('sequence-runtime')).toContainText('6s')
  await openBoardWithStrip(ben, ben.url())
  await expect(sequenceStrip(ben).getByTestId('strip-shot')).toHaveCount(0)
  await sequenceStrip(ben).getByRole('button', { name: 'Show sequence strip' }).click()
  await expect(sequenceStrip(ben).getByTestId('strip-shot')).toHaveCount(2)
  await expect(sequenceStrip(ada).getByTestId('strip-shot')).toHaveCount(2)
})
