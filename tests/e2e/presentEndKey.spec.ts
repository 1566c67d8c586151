import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { shotCounter } from './support/presentingBoard'

/** End goes to the end of the animatic, as Home goes to its start: in every player, and in the strip. */

test('End in Present goes to the end of the last shot, also while playing (which stops there); Space then plays from the start', async ({ newPerson, server }) => {
  const { boardId, client, scene, shots } = await longBoardShots(server.url, 'Perfume spot', 3)
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots.map((shot) => ({ ...shot, props: { ...shot.props, duration: 20 } }))] as never))
  client.destroy()
  const page = await newPerson()
  await page.goto(`${boardUrl(server.url, boardId)}/present`)
  const clock = page.locator('.presentation-controls__clock')
  await expect(shotCounter(page)).toHaveText('Shot 1 of 3', { timeout: 45_000 })

  await page.keyboard.press('End')
  await expect(shotCounter(page)).toHaveText('Shot 3 of 3')
  await expect(clock).toHaveText('1:00.0 / 1:00.0')

  await page.keyboard.press('Space')
  await expect(shotCounter(page)).toHaveText('Shot 1 of 3')
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await page.keyboard.press('End')
  await expect(shotCounter(page)).toHaveText('Shot 3 of 3')
  await expect(clock).toHaveText('1:00.0 / 1:00.0')
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()

  await page.keyboard.press('Home')
  await expect(shotCounter(page)).toHaveText('Shot 1 of 3')
  await expect(clock).toHaveText('0:00.0 / 1:00.0')
})
