import { expect, test } from './support/fixtures'
import { adaOnNewBoard, addSceneWithShots, selectedIds, shotInView, stripCard } from './support/sequenceStrip'

test.setTimeout(180_000)

test('Present opens on the selected shot, and Close goes back to the board with the shot on screen selected and in view', async ({ newPerson, server }) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Night shift')
  const first = await addSceneWithShots(ada, 'Arrival', 3)
  const second = await addSceneWithShots(ada, 'Trauma bay', 3)

  // Ada is working on shot 2.1 and presses Present: the animatic starts there, not at 1.1.
  await stripCard(ada, second[0]!).click()
  await expect.poll(() => selectedIds(ada)).toEqual([second[0]])
  await ada.getByRole('link', { name: 'Present' }).click()
  await expect(ada.getByText('Shot 4 of 6')).toBeVisible({ timeout: 30_000 })
  expect(new URL(ada.url()).hash).toBe(`#shot=${second[0]!.replace('shape:', '')}`)

  // She steps on to 2.2 and closes: back on the board with 2.2 selected and on screen, far from
  // where a fresh board's camera starts (scene 1), and the board's address has no shot in it.
  await ada.keyboard.press('ArrowRight')
  await expect(ada.getByText('Shot 5 of 6')).toBeVisible()
  await ada.keyboard.press('Escape')
  await expect(ada.getByTestId('sequence-strip')).toBeVisible({ timeout: 30_000 })
  await expect.poll(() => selectedIds(ada)).toEqual([second[1]])
  await expect.poll(() => shotInView(ada, second[1]!)).toBe(true)
  expect(await shotInView(ada, first[0]!)).toBe(false)
  expect(new URL(ada.url()).hash).toBe('')
  // The keyboard is the canvas's, as before Present: Page Down goes on to 2.3 and Escape clears
  // the selection, with no click first.
  await ada.keyboard.press('PageDown')
  await expect.poll(() => selectedIds(ada)).toEqual([second[2]])
  await ada.keyboard.press('Escape')
  await expect.poll(() => selectedIds(ada)).toEqual([])

  // With nothing selected Present starts at the beginning.
  await ada.getByRole('link', { name: 'Present' }).click()
  await expect(ada.getByText('Shot 1 of 6')).toBeVisible({ timeout: 30_000 })
})
