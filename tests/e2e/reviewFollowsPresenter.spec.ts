import { expect, test } from './support/fixtures'
import { boardOfFour, expectFollowsThenLooksAround, presentingStatus as presenting, shotCounter as counter } from './support/presentingBoard'
import { reviewLinkExpiringIn } from './support/reviewBoard'

// Agencies present a board to their client over a call: the client, on a review link, follows the
// team member who presents to everyone, as a teammate in Present does.

test('a client on a review link follows Ada presenting to everyone: her shot, the grid and play; their own step lets them look around, Follow takes them back', async ({ newPerson, server }) => {
  const { boardId, people } = await boardOfFour(newPerson, server.url, ['Ada'])
  const ada = people[0]!
  const client = await newPerson()
  await client.goto(`${server.url}${await reviewLinkExpiringIn(server.url, boardId, 3_600_000)}`)
  await expect(counter(client)).toHaveText('Shot 1 of 4', { timeout: 45_000 }) // a first load on a busy machine
  // A client may follow, never lead: the review page offers no presentation of its own, nor retimes the shots.
  await expect(client.getByRole('button', { name: 'Present to everyone' })).toHaveCount(0)
  await expect(client.getByRole('button', { name: 'Time to sound' })).toHaveCount(0)
  await expect(presenting(client)).toHaveCount(0)

  await ada.getByRole('link', { name: 'Present' }).click()
  await expect(counter(ada)).toHaveText('Shot 1 of 4')
  await ada.keyboard.press('ArrowRight')
  await expect(counter(ada)).toHaveText('Shot 2 of 4')
  await ada.getByRole('button', { name: 'Present to everyone' }).click()
  await expect(presenting(client)).toContainText('Following Ada')
  await expect(presenting(client).locator('bdi')).toHaveText('Ada')
  await expect(counter(client)).toHaveText('Shot 2 of 4')
  await client.screenshot({ path: test.info().outputPath('client-following.png') })
  // Ada sees who follows her: the client, who has typed no name yet.
  const followers = ada.locator('.presentation__followers')
  await expect(followers).toHaveText('1 following')
  await expect(followers).toHaveAttribute('title', 'Followed by a client on a review link')

  // Ada's step reaches the client's screen.
  await ada.keyboard.press('ArrowRight')
  await expect(counter(ada)).toHaveText('Shot 3 of 4')
  await expect(counter(client)).toHaveText('Shot 3 of 4')
  // Her grid and play reach the client too; the client steps back themselves: they stop
  // following, and Ada's next step leaves them there; Follow takes them to her shot.
  await expectFollowsThenLooksAround(ada, client)

  // The client starts writing (their name, then a comment): the shot stays on screen while Ada moves on.
  await client.getByLabel('Your name').fill('Kim')
  await expect(presenting(client)).toContainText('Ada is presenting')
  await expect(followers).toHaveText('nobody following')
  await ada.keyboard.press('ArrowLeft')
  await expect(counter(ada)).toHaveText('Shot 3 of 4')
  await expect(presenting(client).getByRole('button', { name: 'Follow' })).toBeVisible()
  await expect(counter(client)).toHaveText('Shot 4 of 4')
  await presenting(client).getByRole('button', { name: 'Follow' }).click()
  await expect(counter(client)).toHaveText('Shot 3 of 4')
  await expect(followers).toHaveAttribute('title', 'Followed by Kim (client)')
  await expect(followers).toHaveText('1 following')

  // Ada stops: the client stays on her last shot, and is offered no presentation of their own.
  await ada.getByRole('button', { name: 'Stop presenting' }).click()
  await expect(presenting(client)).toHaveCount(0)
  await expect(counter(client)).toHaveText('Shot 3 of 4')
  await expect(client.getByRole('button', { name: 'Present to everyone' })).toHaveCount(0)
  await expect(client.getByRole('button', { name: 'Time to sound' })).toHaveCount(0)
  await client.screenshot({ path: test.info().outputPath('client-after-presentation.png') })
})
