import type { Page } from '@playwright/test'
import { expectCanvasReady } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { boardOfFour as boardOfFourFor, expectFollowsThenLooksAround, presentingStatus as presenting, shotCounter as counter } from './support/presentingBoard'

/** A board of four minute-long shots in one scene, open to Ada and Ben (named), each on the canvas. */
async function boardOfFour(newPerson: () => Promise<Page>, serverUrl: string) {
  const { people } = await boardOfFourFor(newPerson, serverUrl, ['Ada', 'Ben'])
  return { ada: people[0]!, ben: people[1]! }
}

/** The gaps, in px, between the controls after the title in Present's header, left to right. */
function headerControlGaps(page: Page): Promise<number[]> {
  return page.locator('.presentation__header').evaluate((header) => {
    const boxes = [...header.children].slice(1).map((control) => control.getBoundingClientRect()).filter((box) => box.width > 0) // not a closed dialog
    return boxes.slice(1).map((box, i) => box.left - boxes[i]!.right)
  })
}

test('Ada presents the board to everyone: Ben, in Present, follows her shot, the grid and play; his own step lets him look around, Follow takes him back', async ({ newPerson, server }) => {
  const { ada, ben } = await boardOfFour(newPerson, server.url)

  await ben.getByRole('link', { name: 'Present' }).click()
  await expect(counter(ben)).toHaveText('Shot 1 of 4')
  await ada.getByRole('link', { name: 'Present' }).click()
  await expect(counter(ada)).toHaveText('Shot 1 of 4')
  // The header's controls sit together at its right, before and while presenting (Present to
  // everyone, Export video and Close were spread across the header until she presented).
  expect(await headerControlGaps(ada)).toHaveLength(2)
  expect(Math.max(...(await headerControlGaps(ada)))).toBeLessThan(20)
  await ada.getByRole('button', { name: 'Present to everyone' }).click()
  await expect(presenting(ada)).toContainText('Presenting to everyone')
  await expect(presenting(ben)).toContainText('Following Ada')
  // She sees who follows her.
  await expect(ada.locator('.presentation__followers')).toHaveText('1 following')
  await expect(ada.locator('.presentation__followers')).toHaveAttribute('title', 'Followed by Ben')
  expect(Math.max(...(await headerControlGaps(ada)))).toBeLessThan(20)
  // The header's buttons are one size: Export video and Close were larger than Stop presenting.
  await ada.setViewportSize({ width: 1280, height: 800 })
  const fontSize = (name: string) => ada.getByRole('button', { name, exact: true }).evaluate((button) => getComputedStyle(button).fontSize)
  expect([await fontSize('Export video'), await fontSize('Close')]).toEqual([await fontSize('Stop presenting'), await fontSize('Stop presenting')])
  await ada.locator('.presentation__header').screenshot({ path: test.info().outputPath('header.png') })
  // Nobody else may lead meanwhile: Ben's header offers no second presentation; following, he does not retime the shots.
  await expect(ben.getByRole('button', { name: 'Present to everyone' })).toHaveCount(0)
  await expect(ben.getByRole('button', { name: 'Time to sound' })).toHaveCount(0)
  await expect(ada.getByRole('button', { name: 'Time to sound' })).toBeVisible()

  // Ada's shot reaches Ben's screen.
  await ada.keyboard.press('ArrowRight')
  await ada.keyboard.press('ArrowRight')
  await expect(counter(ada)).toHaveText('Shot 3 of 4')
  await expect(counter(ben)).toHaveText('Shot 3 of 4')
  // Her grid and play reach him too; Ben steps back himself: he stops following, and Ada's next
  // step leaves him where he is; Follow takes him to her shot.
  await expectFollowsThenLooksAround(ada, ben)

  // Ada stops: Ben stays on her last shot, free to present himself.
  await ada.getByRole('button', { name: 'Stop presenting' }).click()
  await expect(ben.getByRole('button', { name: 'Present to everyone' })).toBeVisible()
  await expect(ben.getByRole('button', { name: 'Time to sound' })).toBeVisible()
  await expect(counter(ben)).toHaveText('Shot 4 of 4')

  // Her next presentation is a new one: Ben, still in Present, follows it from its start.
  await ada.keyboard.press('Home')
  await expect(counter(ada)).toHaveText('Shot 1 of 4')
  await ada.getByRole('button', { name: 'Present to everyone' }).click()
  await expect(presenting(ben)).toContainText('Following Ada')
  await expect(counter(ben)).toHaveText('Shot 1 of 4')
})

test('someone on the canvas while Ada presents sees "Join Ada" instead of Present, and joins her on her shot', async ({ newPerson, server }) => {
  const { ada, ben } = await boardOfFour(newPerson, server.url)
  await expect(ben.getByRole('link', { name: 'Present' })).toBeVisible()

  await ada.getByRole('link', { name: 'Present' }).click()
  await ada.getByRole('button', { name: 'Present to everyone' }).click()
  await ada.keyboard.press('ArrowRight')
  await expect(counter(ada)).toHaveText('Shot 2 of 4')

  const join = ben.getByRole('link', { name: 'Join Ada' })
  await expect(join).toBeVisible()
  // On a phone it is as compact as Present (the play icon and her initial), leaving the title its room.
  const wide = ben.viewportSize()!
  await ben.setViewportSize({ width: 390, height: 844 })
  await expect.poll(async () => (await join.boundingBox())!.width).toBeLessThan(60)
  const [joinBox, titleBox] = [(await join.boundingBox())!, (await ben.locator('.board-title').boundingBox())!]
  expect(joinBox.x).toBeGreaterThanOrEqual(titleBox.x + titleBox.width)
  await ben.setViewportSize(wide)
  await join.click()
  await expect(presenting(ben)).toContainText('Following Ada')
  await expect(counter(ben)).toHaveText('Shot 2 of 4')

  // Ada closes Present: nobody presents any more, and the board's button says Present again.
  await ada.getByRole('button', { name: 'Close' }).click()
  await expect(ben.getByRole('button', { name: 'Present to everyone' })).toBeVisible()
  await ben.getByRole('button', { name: 'Close' }).click()
  await expectCanvasReady(ben)
  await expect(ben.getByRole('link', { name: 'Present' })).toBeVisible()
})
