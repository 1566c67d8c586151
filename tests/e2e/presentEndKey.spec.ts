import { expect, test } from './support/fixtures'
import { boardOfEvenShots, openPresent, shotCounter } from './support/presentingBoard'

/** End goes to the end of the animatic, as Home goes to its start: in every player, and in the strip. */

test('End in Present goes to the end of the last shot, also while playing (which stops there); Space then plays from the start', async ({ newPerson, server }) => {
  const boardId = await boardOfEvenShots(server.url, 'Perfume spot', 3, 20)
  const page = await newPerson()
  await openPresent(page, server.url, boardId, 3)
  const clock = page.locator('.presentation-controls__clock')

  await page.keyboard.press('End')
  await expect(shotCounter(page)).toHaveText('Shot 3 of 3')
  await expect(clock).toHaveText('1:00.0 / 1:00.0')

  await page.keyboard.press('Space')
  await expect(shotCounter(page)).toHaveText('Shot 1 of 3')
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await page.keyboard.press('End')
  await expect(shotCounter(page)).toHaveText('Shot 3 of 3')
  await expect(clock).toHaveText('1:00.0 / 1:00.0')
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()

  await page.keyboard.press('Home')
  await expect(shotCounter(page)).toHaveText('Shot 1 of 3')
  await expect(clock).toHaveText('0:00.0 / 1:00.0')
})
