import { onePersonOnBoard } from './support/boardPage'
import { shotsOnPage as shots } from './support/editorState'
import { expect, test } from './support/fixtures'

test('Ctrl+Z in a shot’s action undoes the typing in steps ended by a pause, for the board, and Redo puts them back; past the field’s own typing it says so', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Typing undo')
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(500, 400)
  await expect.poll(async () => (await shots(page)).length).toBe(1)
  const action = page.getByTestId('shot-inspector').getByLabel('Action')
  const onBoard = async () => ((await shots(page))[0]?.props as { action?: string } | undefined)?.action
  await action.click()
  await action.pressSequentially('Mary opens the door.', { delay: 20 })
  // A pause (over a second) before the next sentence ends the first step.
  await expect.poll(onBoard).toBe('Mary opens the door.')
  await page.waitForTimeout(1300)
  await action.pressSequentially(' Rain blows in.', { delay: 20 })
  await expect.poll(onBoard).toBe('Mary opens the door. Rain blows in.')

  // Before, each Ctrl+Z here was the browser's own undo of one character, written as a new edit.
  await action.press('Control+z')
  await expect(action).toHaveValue('Mary opens the door.')
  await expect.poll(onBoard).toBe('Mary opens the door.')
  await action.press('Control+z')
  await expect(action).toHaveValue('')
  await action.press('Control+Shift+z')
  await expect(action).toHaveValue('Mary opens the door.')
  await action.press('Control+z')
  await expect(action).toHaveValue('')

  // Nothing typed here is left to undo: the shot's creation stays, and a notice says how to undo it.
  await action.press('Control+z')
  const notice = page.locator('.tlui-toast__main', { hasText: 'Nothing more you typed here to undo' })
  await expect(notice).toContainText('press Esc to leave the field, then Ctrl+Z')
  expect(await shots(page)).toHaveLength(1)
})

test('on a Mac the notice past the field’s own typing says ⌘Z, as the Mac’s menus do, not Ctrl+Z', async ({ newPerson, server }) => {
  const mac = await newPerson({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' })
  await onePersonOnBoard(async () => mac, server.url, 'Mac undo')
  await mac.getByTestId('tools.shot').click()
  await mac.mouse.click(500, 400)
  await expect.poll(async () => (await shots(mac)).length).toBe(1)
  const action = mac.getByTestId('shot-inspector').getByLabel('Action')
  await action.click()
  await action.press('Meta+z')
  const notice = mac.locator('.tlui-toast__main', { hasText: 'Nothing more you typed here to undo' })
  await expect(notice).toContainText('press Esc to leave the field, then ⌘Z.')
  expect(await shots(mac)).toHaveLength(1)
})
