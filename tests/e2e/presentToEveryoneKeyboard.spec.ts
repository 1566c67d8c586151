import { expect, test } from './support/fixtures'
import { boardOfFour, presentingStatus as presenting, shotCounter as counter } from './support/presentingBoard'

// A presenter who drives Present from the keyboard alone (or a screen reader).

test('Enter on "Present to everyone" leaves the focus on "Stop presenting", and Enter on that on "Present to everyone" (not lost to the page)', async ({ newPerson, server }) => {
  const { people } = await boardOfFour(newPerson, server.url, ['Ada', 'Ben'])
  const [ada, ben] = [people[0]!, people[1]!]
  await ben.getByRole('link', { name: 'Present' }).click()
  await ada.getByRole('link', { name: 'Present' }).click()
  await expect(counter(ada)).toHaveText('Shot 1 of 4')

  await ada.getByRole('button', { name: 'Present to everyone' }).focus()
  await ada.keyboard.press('Enter')
  await expect(presenting(ben)).toContainText('Following Ada')
  await expect(ada.getByRole('button', { name: 'Stop presenting' })).toBeFocused()
  // The arrows still step the presentation with the focus there.
  await ada.keyboard.press('ArrowRight')
  await expect(counter(ben)).toHaveText('Shot 2 of 4')

  await ada.keyboard.press('Enter')
  await expect(presenting(ben)).toHaveCount(0)
  await expect(ada.getByRole('button', { name: 'Present to everyone' })).toBeFocused()
  // The follower's own toggle keeps their focus too.
  await ada.keyboard.press('Enter')
  await presenting(ben).getByRole('button', { name: 'Stop following' }).focus()
  await ben.keyboard.press('Enter')
  await expect(presenting(ben).getByRole('button', { name: 'Follow' })).toBeFocused()

  // Clicked with the mouse, the focus is not handed on: Space then plays, as in every player,
  // rather than pressing "Stop presenting".
  await presenting(ben).getByRole('button', { name: 'Follow' }).press('Enter')
  await ada.getByRole('button', { name: 'Stop presenting' }).click()
  await ada.getByRole('button', { name: 'Present to everyone' }).click()
  await expect(presenting(ben)).toContainText('Following Ada')
  await ada.keyboard.press(' ')
  await expect(ada.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect(presenting(ada)).toContainText('Presenting to everyone')
  await expect(ben.getByRole('button', { name: 'Pause' })).toBeVisible()
})
