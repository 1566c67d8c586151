import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'

test.setTimeout(120_000)

const SHOTS = 60

test("opening Present's grid on a shot far down a long board shows that shot's card, and leaves focus on the Grid button", async ({ newPerson, server }) => {
  const { boardId, client, scene, shots } = await longBoardShots(server.url, 'Long board', SHOTS)
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots] as never))
  const target = shots[49]!

  const presenter = await newPerson()
  await presenter.goto(`${boardUrl(server.url, boardId)}/present#shot=${target.id.replace('shape:', '')}`)
  await expect(presenter.getByText(`Shot 50 of ${SHOTS}`)).toBeVisible({ timeout: 60_000 })
  const grid = presenter.getByTitle('Grid of all shots (G)')
  await grid.click()
  const current = presenter.locator('.presentation-grid__card--current')
  await expect(current).toHaveAttribute('data-shot-id', target.id)
  await expect(current).toBeInViewport({ ratio: 1 })
  await expect(grid).toBeFocused()
  await presenter.screenshot({ path: test.info().outputPath('grid-current.png') })

  // With the keyboard too ("g"), and from a shot back near the top: the grid opens where it is.
  await presenter.keyboard.press('g')
  await presenter.keyboard.press('Home')
  await presenter.keyboard.press('g')
  await expect(current).toHaveAttribute('data-shot-id', shots[0]!.id)
  await expect(current).toBeInViewport({ ratio: 1 })
  client.destroy()
})

test("Present's grid stays open over a reload, on the same shot, until it is left for the player; its cards count their shots' comments and mark their drawings", async ({ newPerson, server }) => {
  const { boardId, client, scene, shots } = await longBoardShots(server.url, 'Short board', 5)
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots] as never))
  client.destroy()
  const third = shots[2]!.id
  // A comment on the third shot, which its card in the team's grid counts, as the client's grid does.
  const comment = await fetch(`${server.url}/api/boards/${boardId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ anchor: { kind: 'shot', shotId: third }, body: 'Tighter?', markup: { strokes: [{ color: 'yellow', points: [[0.1, 0.1], [0.9, 0.9]] }] }, mentions: [], authorName: 'Dana' }),
  })
  expect(comment.status).toBe(201)

  const presenter = await newPerson()
  await presenter.goto(`${boardUrl(server.url, boardId)}/present#shot=${third.replace('shape:', '')}`)
  await expect(presenter.getByText('Shot 3 of 5')).toBeVisible({ timeout: 60_000 })
  await presenter.getByTitle('Grid of all shots (G)').click()
  const presentation = presenter.locator('.presentation')
  const current = presenter.locator('.presentation-grid__card--current')
  await expect(current).toHaveAttribute('data-shot-id', third)
  const comments = presenter.getByTestId('grid-shot-comments')
  await expect(comments).toHaveCount(1)
  await expect(current.getByTestId('grid-shot-comments')).toHaveAccessibleName('1 open comment thread')
  // and marks the drawing on it, as the strip card does.
  await expect(presenter.getByTestId('grid-shot-drawings')).toHaveCount(1)
  await expect(current.getByTestId('grid-shot-drawings')).toHaveAccessibleName('1 comment with a drawing')

  await presenter.reload()
  await expect(presentation).toHaveAttribute('data-view', 'grid', { timeout: 60_000 })
  await expect(current).toHaveAttribute('data-shot-id', third)

  // Esc leaves the grid for the player on that shot, and a reload then keeps the player.
  await presenter.keyboard.press('Escape')
  await expect(presentation).toHaveAttribute('data-view', 'player')
  await expect(presenter.getByText('Shot 3 of 5')).toBeVisible()
  await expect(presenter).not.toHaveURL(/view=grid/)
  await presenter.reload()
  await expect(presenter.getByText('Shot 3 of 5')).toBeVisible({ timeout: 60_000 })
  await expect(presentation).toHaveAttribute('data-view', 'player')
})
