import { expect, test } from './support/fixtures'
import { boardUnderReview } from './support/reviewBoard'

/** The reviewer's side panel on a review link: the comment box and the verdict buttons. */

test('a comment that could not be sent says so until it is edited or sent again, and offers to try again', async ({ newPerson, server }) => {
  const { path, reviewer } = await boardUnderReview(newPerson, server.url, 'Flaky', { title: 'Pier', dialogue: 'Gulls.' })
  await reviewer.goto(server.url + path)
  await reviewer.getByLabel('Your name').fill('Kim')
  const composer = reviewer.locator('.review-panel .comment-composer')
  const box = composer.getByLabel('Comment on shot 1…')
  const problem = composer.getByRole('alert')
  await box.fill('Lower horizon')

  await reviewer.context().setOffline(true)
  await composer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(problem).toContainText('Cannot reach the Storyloom server')
  await expect(box).toHaveValue('Lower horizon') // kept for another try
  // Once the text changes, the line about the last try no longer applies.
  await box.fill('Lower horizon, please')
  await expect(problem).toHaveCount(0)

  await composer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(problem).toContainText('Cannot reach the Storyloom server')
  await reviewer.context().setOffline(false)
  await problem.getByRole('button', { name: 'Try again' }).click()
  await expect(reviewer.locator('.comment__body')).toHaveText('Lower horizon, please')
  await expect(problem).toHaveCount(0)
  await expect(box).toHaveValue('')
})

test('a reviewer takes back their own verdict by pressing it again; the team and another reviewer see it go', async ({ newPerson, server }) => {
  const { editor, path, reviewer: kim } = await boardUnderReview(newPerson, server.url, 'Undecided', { title: 'Door', dialogue: 'Knock knock.' })
  await kim.goto(server.url + path)
  await kim.getByLabel('Your name').fill('Kim')
  const approve = kim.getByRole('button', { name: 'Approve' })
  await approve.click()
  await expect(approve).toHaveAttribute('aria-pressed', 'true')
  const lee = await newPerson()
  await lee.goto(server.url + path)
  await lee.getByLabel('Your name').fill('Lee')
  await expect(lee.locator('.review-panel__status')).toHaveText('Approved by Kim')
  const panel = editor.locator('.shot-panel').filter({ hasText: 'Door' })
  await expect(panel.locator('.shot-panel__status')).toHaveText('Approved')
  await expect(panel.getByTestId('shot-review-badge')).toHaveAttribute('data-verdict', 'approved')

  // Pressed by mistake: pressing it again takes it back, for everyone.
  await expect(approve).toHaveAttribute('title', /take back/i)
  await approve.click()
  await expect(approve).toHaveAttribute('aria-pressed', 'false')
  await expect(kim.locator('.review-panel__status')).toHaveCount(0)
  await expect(lee.locator('.review-panel__status')).toHaveCount(0)
  await expect(panel.getByTestId('shot-review-badge')).toHaveCount(0)
  await expect(panel.locator('.shot-panel__status')).toHaveText('In review')
  await expect(kim.getByRole('alert')).toHaveCount(0)

  // And a verdict can be given again after it.
  await kim.getByRole('button', { name: 'Request changes' }).click()
  await expect(lee.locator('.review-panel__status')).toHaveText('Changes requested by Kim')
})
