import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { reviewLinkExpiringIn } from './support/reviewBoard'
import { dragCard, openBoardWithStrip, stripCard } from './support/sequenceStrip'

/** A board of five shots, open to the team with its strip, and a reviewer on its shot 3 through a review link. */
async function reviewerOnShotThree(newPerson: () => Promise<Page>, serverUrl: string) {
  const { boardId, client, scene, shots } = await longBoardShots(serverUrl, 'Perfume spot', 5)
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots] as never))
  client.destroy()
  const team = await newPerson()
  await openBoardWithStrip(team, boardUrl(serverUrl, boardId))
  const reviewer = await newPerson()
  await reviewer.goto(serverUrl + (await reviewLinkExpiringIn(serverUrl, boardId, 3_600_000)))
  const counter = reviewer.locator('.presentation-controls').getByText(/^Shot \d+ of \d+$/)
  const title = reviewer.locator('.presentation-stage__title')
  await expect(counter).toHaveText('Shot 1 of 5')
  await reviewer.keyboard.press('ArrowRight')
  await reviewer.keyboard.press('ArrowRight')
  await expect(counter).toHaveText('Shot 3 of 5')
  await expect(title).toHaveText('Shot 3')
  return { shots, team, reviewer, counter, title }
}

test('a reviewer on shot 3 of 5 stays in place when the team deletes that shot (on the one that followed it) or moves the shot they are on', async ({ newPerson, server }) => {
  const { shots, team, reviewer, counter, title } = await reviewerOnShotThree(newPerson, server.url)
  const [, , third, fourth] = shots.map((shot) => shot.id)

  // The team deletes the shot on the reviewer's screen: the one that followed it takes its place, not shot 1.
  await stripCard(team, third!).click()
  await team.keyboard.press('Delete')
  await expect(stripCard(team, third!)).toHaveCount(0)
  await expect(counter).toHaveText('Shot 3 of 4')
  await expect(title).toHaveText('Shot 4')
  await expect(reviewer.locator('.presentation-stage')).toHaveAttribute('data-shot-id', fourth!)
  // The URL names it too, so a reload opens there.
  await expect(reviewer).toHaveURL(new RegExp(`#shot=${fourth!.replace('shape:', '')}$`))
  await reviewer.screenshot({ path: test.info().outputPath('after-delete.png') })

  // The team moves that shot to the front: the reviewer stays on it, now numbered 1.
  await dragCard(team, fourth!, shots[0]!.id, 'before')
  await expect(counter).toHaveText('Shot 1 of 4')
  await expect(title).toHaveText('Shot 4')
  await reviewer.screenshot({ path: test.info().outputPath('after-move.png') })
})

test('a reviewer moved off a deleted shot goes back to it when the team undoes the delete, unless they have moved on since', async ({ newPerson, server }) => {
  const { shots, team, reviewer, counter, title } = await reviewerOnShotThree(newPerson, server.url)
  const third = shots[2]!.id
  const deleteThird = async () => {
    await stripCard(team, third).click()
    await team.keyboard.press('Delete')
    await expect(stripCard(team, third)).toHaveCount(0)
    await expect(counter).toHaveText('Shot 3 of 4')
    await expect(title).toHaveText('Shot 4')
  }
  const undo = async () => {
    await team.keyboard.press('ControlOrMeta+z')
    await expect(stripCard(team, third)).toHaveCount(1)
  }

  // Deleted and put back before the reviewer did anything: they are on shot 3 again, the URL too.
  await deleteThird()
  await undo()
  await expect(counter).toHaveText('Shot 3 of 5')
  await expect(title).toHaveText('Shot 3')
  await expect(reviewer).toHaveURL(new RegExp(`#shot=${third.replace('shape:', '')}$`))

  // Deleted again, and the reviewer goes on to the next shot: the undo leaves them where they went.
  await deleteThird()
  await reviewer.keyboard.press('ArrowRight')
  await expect(title).toHaveText('Shot 5')
  await undo()
  await expect(counter).toHaveText('Shot 5 of 5')
  await expect(title).toHaveText('Shot 5')
})
