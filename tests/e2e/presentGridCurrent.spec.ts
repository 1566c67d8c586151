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
