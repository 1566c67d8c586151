import { expect, test } from './support/fixtures'
import { boardOfFour, presentingStatus as presenting, shotCounter as counter } from './support/presentingBoard'

// An agency presents to its client over a call; the presenter's network drops for a moment.

test("the presenter whose connection drops is told nobody sees her steps (not '1 following'); back online, Ben catches up with her shot", async ({ newPerson, server }) => {
  const { people } = await boardOfFour(newPerson, server.url, ['Ada', 'Ben'])
  const [ada, ben] = [people[0]!, people[1]!]
  await ben.getByRole('link', { name: 'Present' }).click()
  await ada.getByRole('link', { name: 'Present' }).click()
  await ada.getByRole('button', { name: 'Present to everyone' }).click()
  const followers = ada.locator('.presentation__followers')
  await expect(followers).toHaveText('1 following')

  await ada.context().setOffline(true)
  await expect(ada.getByTestId('presentation-connection')).toHaveAttribute('data-state', 'offline')
  // Her steps reach nobody now: the header says so, rather than the follower count from before.
  await expect(followers).toHaveText('offline: nobody sees your steps')
  await expect(followers).toHaveAttribute('title', 'Your connection is down: whoever followed you sees your last shot until it is back')
  await expect(presenting(ada)).toContainText('Your connection is down')
  await ada.keyboard.press('ArrowRight')
  await expect(counter(ada)).toHaveText('Shot 2 of 4')
  await expect(counter(ben)).toHaveText('Shot 1 of 4')

  await ada.context().setOffline(false)
  await expect(followers).toHaveText('1 following')
  await expect(counter(ben)).toHaveText('Shot 2 of 4')
  await expect(presenting(ben)).toContainText('Following Ada')
})
