import type { Locator, Page } from '@playwright/test'
import { expectConnection, twoPeopleOnBoard } from './support/boardPage'
import { shotsOnPage as shots } from './support/editorState'
import { expect, test } from './support/fixtures'
import { addScene, leaveNewShotTitle, sequenceStrip, stripCard } from './support/sequenceStrip'

test.setTimeout(120_000)

/** Puts the caret at `at` in a focused text field, as a click there would. */
async function caretAt(field: Locator, at: number): Promise<void> {
  await field.focus()
  await field.evaluate((el: HTMLInputElement | HTMLTextAreaElement, i) => el.setSelectionRange(i, i), at)
}

/** Where the caret of a field is. */
function caretOf(field: Locator): Promise<number | null> {
  return field.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => el.selectionStart)
}

/**
 * Ada's caret sits inside a field while Ben changes the same field before it and after it; Ada
 * then types on. Her keys must land where her caret was, not at the end of the text.
 */
async function expectCaretKeptThroughOthersEdits(ada: Page, ben: Page, adas: Locator, bens: Locator, read: (page: Page) => Promise<string>) {
  await adas.fill('The door opens')
  await expect.poll(() => read(ben)).toBe('The door opens')
  await expect(bens).toHaveValue('The door opens')
  // Ada's caret after "The door" (8): she is about to write "slowly".
  await caretAt(adas, 8)
  // Ben adds to the end, then to the start, of the same field.
  await caretAt(bens, 'The door opens'.length)
  await ben.keyboard.type(' onto the rain')
  await caretAt(bens, 0)
  await ben.keyboard.type('INT. ')
  await expect(adas).toHaveValue('INT. The door opens onto the rain')
  // Her caret moved with the text before it, still after "door".
  expect(await caretOf(adas)).toBe('INT. The door'.length)
  await ada.keyboard.type(' slowly')
  const expected = 'INT. The door slowly opens onto the rain'
  await expect(adas).toHaveValue(expected)
  await expect.poll(() => read(ben)).toBe(expected)
  await expect(bens).toHaveValue(expected)
}

test("another person's edit of the field you are typing in keeps your caret where it was: shot inspector and title on the canvas", async ({
  newPerson,
  server,
}) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'One field, two people')
  await ada.keyboard.press('Shift+S')
  await expect.poll(async () => (await shots(ben)).length).toBe(1)
  const [shot] = await shots(ada)
  await stripCard(ben, shot!.id).locator('.strip-card__body').click()
  const dialogue = (page: Page) => page.getByTestId('shot-inspector').getByLabel('Dialogue / VO')
  const shotProp = (prop: 'dialogue' | 'title') => async (page: Page) => ((await shots(page))[0]!.props as Record<string, string>)[prop]!
  await expectCaretKeptThroughOthersEdits(ada, ben, dialogue(ada), dialogue(ben), shotProp('dialogue'))
  // Ada's Ctrl+Z takes back only " slowly", typed after Ben's words landed: his stay, for both.
  await dialogue(ada).press('Escape')
  await ada.keyboard.press('Control+z')
  await expect.poll(() => shotProp('dialogue')(ben)).toBe('INT. The door opens onto the rain')
  await expect(dialogue(ada)).toHaveValue('INT. The door opens onto the rain')

  // The title edited in place on the canvas (Enter), while Ben edits it in his inspector.
  await ada.getByTestId('shot-inspector').getByLabel('Title').press('Escape')
  await ada.keyboard.press('Enter')
  const inPlace = ada.getByLabel('Shot title')
  await expect(inPlace).toBeFocused()
  await expectCaretKeptThroughOthersEdits(ada, ben, inPlace, ben.getByTestId('shot-inspector').getByLabel('Title'), shotProp('title'))
})

test("another person's edit of a scene field you are typing in keeps your caret where it was", async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'One scene, two people')
  await addScene(ada, 'Diner')
  const heading = (page: Page) => sequenceStrip(page).getByTestId('strip-scene').getByRole('button', { name: /Diner/ }).first()
  await heading(ada).click()
  await heading(ben).click()
  const slugline = (page: Page) => page.getByTestId('scene-editor').getByLabel('Slugline')
  const read = (page: Page) => slugline(page).inputValue()
  await expectCaretKeptThroughOthersEdits(ada, ben, slugline(ada), slugline(ben), read)
})

test('a shot deleted by someone else while you type in it: the keys you go on typing do not reach the canvas', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Deleted under the caret')
  await ada.keyboard.press('Shift+S')
  await leaveNewShotTitle(ada)
  await ada.keyboard.press('Shift+S')
  await leaveNewShotTitle(ada)
  await expect.poll(async () => (await shots(ben)).length).toBe(2)
  const [first] = await shots(ada)
  await stripCard(ben, first!.id).locator('.strip-card__body').click()
  const dialogue = ben.getByTestId('shot-inspector').getByLabel('Dialogue / VO')
  await dialogue.click()
  await ben.keyboard.type('JOE: Sit')

  // Ada deletes the shot Ben is typing in; Ben, looking at the script, types on.
  await stripCard(ada, first!.id).locator('.strip-card__body').click()
  await ada.keyboard.press('Delete')
  await expect(ben.getByTestId('shot-inspector')).toHaveCount(0)
  await ben.keyboard.type(' down. Stay here, read the paper.')
  // None of it was taken as a shortcut: no tool picked (e: eraser, r: rectangle, a: arrow…).
  expect(await ben.evaluate(() => (window.editor as unknown as { getCurrentToolId(): string }).getCurrentToolId())).toBe('select')
  await expect(ben.getByRole('alert').or(ben.locator('.tlui-toast__title')).filter({ hasText: 'was deleted' })).toBeVisible()
  expect((await shots(ben)).length).toBe(1)
  await ben.screenshot({ path: test.info().outputPath('deleted-while-typing.png') })

  // A click on the board gives the keys back to it.
  await ben.mouse.click(300, 600)
  await ben.keyboard.press('e')
  await expect.poll(() => ben.evaluate(() => (window.editor as unknown as { getCurrentToolId(): string }).getCurrentToolId())).toBe('eraser')
})

test('two people typing at the same place in a scene name both keep their words, each whole, in one order on both screens', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'One spot, two people')
  await addScene(ada, 'Chase at night')
  const heading = (page: Page) => sequenceStrip(page).getByTestId('strip-scene').getByRole('button', { name: /Chase at night/ }).first()
  await heading(ada).click()
  await heading(ben).click()
  const name = (page: Page) => page.getByTestId('scene-editor').getByLabel('Name')
  const end = 'Chase at night'.length
  // Both put their caret at the end and type a space at the same moment: Ben's is held back
  // (offline) until Ada's has landed, so each side has one the other has not seen.
  await ben.context().setOffline(true)
  await expectConnection(ben, 'offline')
  await caretAt(name(ada), end)
  await caretAt(name(ben), end)
  await ada.keyboard.type(' ')
  await ben.keyboard.type(' ')
  await ben.context().setOffline(false)
  await expectConnection(ben, 'connected')
  await expect(name(ada)).toHaveValue('Chase at night  ')
  await expect(name(ben)).toHaveValue('Chase at night  ')
  // Each goes on from their own caret, after their own space.
  await ada.keyboard.type('on foot')
  await expect(name(ben)).toHaveValue(/on foot/)
  await ben.keyboard.type('by car')
  await expect.poll(() => name(ada).inputValue()).toMatch(/by car/)
  const merged = await name(ada).inputValue()
  expect(['Chase at night on foot by car', 'Chase at night by car on foot']).toContain(merged)
  await expect(name(ben)).toHaveValue(merged)
})
