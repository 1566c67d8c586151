import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { reviewLinkExpiringIn } from './support/reviewBoard'
import { openBoardWithStrip, stripCard } from './support/sequenceStrip'

/** What the client said on a review link, as the team sees it back on the board. */

async function post(url: string, body: object): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(res.status, await res.clone().text()).toBe(201)
}

test("the team's Comments panel and strip show each shot's title and the client's verdict, live", async ({ newPerson, server }) => {
  const { boardId, client, scene, shots } = await longBoardShots(server.url, 'Perfume spot', 3)
  shots[1] = { ...shots[1]!, props: { ...shots[1]!.props, title: 'עוגה on the table' } }
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots] as never))
  client.destroy()
  const [first, second, third] = shots.map((shot) => shot.id)
  const token = (await reviewLinkExpiringIn(server.url, boardId, 3_600_000)).split('/').pop()!
  const review = `${server.url}/api/review/${token}`
  await post(`${review}/comments`, { anchor: { kind: 'shot', shotId: second }, body: 'Less steam, please', authorName: 'Kim' })
  await post(`${review}/verdicts`, { shotId: second, verdict: 'changes-requested', reviewerName: 'Kim' })
  await post(`${review}/verdicts`, { shotId: first, verdict: 'approved', reviewerName: 'Kim' })

  const team = await newPerson()
  await openBoardWithStrip(team, boardUrl(server.url, boardId))

  // The strip: a verdict mark on the cards the client judged, named for a screen reader; none on the third.
  const mark = (shotId: string) => stripCard(team, shotId).getByTestId('strip-shot-verdict')
  await expect(mark(first!)).toHaveAccessibleName('Approved by \u2068Kim\u2069')
  await expect(mark(first!)).toHaveAttribute('data-verdict', 'approved')
  await expect(mark(second!)).toHaveAccessibleName('Changes requested by \u2068Kim\u2069')
  await expect(mark(second!)).toHaveAttribute('data-verdict', 'changes-requested')
  await expect(mark(third!)).toHaveCount(0)

  // The Comments panel: the thread is named by the shot's number and title (isolated), with the shot's verdict.
  await team.getByRole('button', { name: /^Comments/ }).click()
  const thread = team.locator('.comments-menu .comment-thread')
  await expect(thread.locator('.comment-thread__place')).toHaveText('Shot 1.2 · עוגה on the table')
  await expect(thread.locator('.comment-thread__place bdi')).toHaveText('עוגה on the table')
  await expect(thread.getByTestId('comment-thread-verdict')).toHaveText('Changes requested by Kim')
  await team.screenshot({ path: test.info().outputPath('comments-and-strip.png') })

  // Live: the client approves shot 2 and judges shot 3 while the team watches.
  await post(`${review}/verdicts`, { shotId: second, verdict: 'approved', reviewerName: 'Lee' })
  await post(`${review}/verdicts`, { shotId: third, verdict: 'changes-requested', reviewerName: 'Lee' })
  await expect(thread.getByTestId('comment-thread-verdict')).toHaveText('Approved by Lee')
  await expect(mark(second!)).toHaveAccessibleName('Approved by \u2068Lee\u2069')
  await expect(mark(third!)).toHaveAccessibleName('Changes requested by \u2068Lee\u2069')
})
