import { boardUrl, onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { addShot } from './support/reviewBoard'

test.setTimeout(90_000)

test('Full screen says "Exit full screen" while on, and is not offered where the browser has no full screen (an iPhone)', async ({ newPerson, server }) => {
  const { boardId, page } = await onePersonOnBoard(newPerson, server.url, 'Full screen')
  await addShot(page, { x: 400, y: 300 }, { title: 'Pack shot', dialogue: '' })
  await page.goto(`${boardUrl(server.url, boardId)}/present`)
  const controls = page.locator('.presentation-controls')
  await controls.getByRole('button', { name: 'Full screen' }).click()
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true)
  await expect(controls.getByRole('button', { name: 'Exit full screen' })).toBeVisible()
  await controls.getByRole('button', { name: 'Exit full screen' }).click()
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false)
  await expect(controls.getByRole('button', { name: 'Full screen' })).toBeVisible()

  // Safari on an iPhone has no full screen for a page's element: a button that does nothing is not shown.
  const phone = await newPerson()
  await phone.addInitScript(() => Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false }))
  await phone.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(phone.getByText('Shot 1 of 1')).toBeVisible({ timeout: 60_000 })
  await expect(phone.locator('.presentation-controls').getByRole('button', { name: /full screen/i })).toHaveCount(0)
})
