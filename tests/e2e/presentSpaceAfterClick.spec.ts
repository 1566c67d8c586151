import { expect, test } from './support/fixtures'
import { reviewerOfTwoShots } from './support/reviewBoard'

/**
 * Space after a click: a person who pressed a control with the mouse (Approve, Next) and then
 * presses Space means "play", as in every player. It used to press that control again: an
 * approval given with the mouse was taken back by the Space meant to resume the animatic.
 */

test('Space after Approve was clicked plays the animatic and keeps the approval', async ({ newPerson, server }) => {
  const { editor, reviewer, caption } = await reviewerOfTwoShots(newPerson, server.url, 'Mouse then keys', [
    { title: 'Kettle', dialogue: 'Every morning.' },
    { title: 'Cup', dialogue: 'Somewhere good.' },
  ])
  await reviewer.getByLabel('Your name').fill('Priya')
  const approve = reviewer.getByRole('button', { name: 'Approve' })
  await approve.click()
  await expect(approve).toHaveAttribute('aria-pressed', 'true')
  await expect(reviewer.locator('.review-panel__status')).toHaveText('Approved by Priya (you)')

  await reviewer.keyboard.press('Space')
  // It plays on into shot 2 (shot 1 lasts 1.5 s) …
  await expect(caption).toHaveText('Somewhere good.')
  // … and shot 1 is still approved, for the team and for the reviewer.
  await expect(editor.locator('.shot-panel').filter({ hasText: 'Kettle' }).locator('.shot-panel__status')).toHaveText('Approved')
  await reviewer.getByRole('button', { name: 'Pause' }).click()
  await reviewer.getByRole('button', { name: 'Previous shot' }).click()
  await expect(reviewer.getByRole('button', { name: 'Approve' })).toHaveAttribute('aria-pressed', 'true')
  await expect(reviewer.locator('.review-panel__status')).toHaveText('Approved by Priya (you)')
})

test('Space after Next was clicked plays from the shot it turned to, not one shot on', async ({ newPerson, server }) => {
  const { reviewer, caption } = await reviewerOfTwoShots(
    newPerson,
    server.url,
    'Next then Space',
    [
      { title: 'Kettle', dialogue: 'Every morning.' },
      { title: 'Cup', dialogue: 'Somewhere good.' },
    ],
    1.5,
  )
  await reviewer.getByRole('button', { name: 'Next shot' }).click()
  await expect(caption).toHaveText('Somewhere good.')
  await reviewer.keyboard.press('Space')
  await expect(reviewer.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect(reviewer.getByText('Shot 2 of 2')).toBeVisible()

  // From the keyboard (Tab to a control) Space still presses it: Tab reaches the controls again.
  await reviewer.getByRole('button', { name: 'Pause' }).click()
  await reviewer.getByRole('button', { name: 'Previous shot' }).focus()
  await reviewer.keyboard.press('Tab')
  await reviewer.keyboard.press('Shift+Tab')
  await expect(reviewer.getByRole('button', { name: 'Previous shot' })).toBeFocused()
  await reviewer.keyboard.press('Space')
  await expect(caption).toHaveText('Every morning.')
  await expect(reviewer.getByRole('button', { name: 'Play' })).toBeVisible()
})
