import type { Page } from '@playwright/test'
import { connectionBadge, expectConnection } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { dragCard, stripIds, stripOrder, twoPeopleWithSceneOfShots } from './support/sequenceStrip'

// A fixed port: the offline copy belongs to the page's origin.
test.use({ serverOptions: { fixedPort: true } })

type ShotChange = { id: string; x?: number; y?: number; props?: Record<string, unknown> }

/** Changes shots as the shot panel or a drag would (the walk-through is about the merge, not the input). */
async function changeShots(page: Page, changes: ShotChange[]): Promise<void> {
  await page.evaluate((list) => {
    const editor = window as unknown as { editor: { updateShapes(s: unknown[]): void } }
    editor.editor.updateShapes(list.map((c) => ({ ...c, type: 'shot' })))
  }, changes)
}

async function deleteShot(page: Page, id: string): Promise<void> {
  await page.evaluate((shotId) => {
    ;(window as unknown as { editor: { deleteShapes(ids: string[]): void } }).editor.deleteShapes([shotId])
  }, id)
}

/** Each shot's id, position and title, by id: what both screens must agree on. */
async function shotState(page: Page): Promise<Record<string, { x: number; y: number; title: unknown }>> {
  const shots = await shotsOnPage(page)
  return Object.fromEntries(shots.map((s) => [s.id, { x: s.x, y: s.y, title: (s.props as { title?: unknown }).title }]))
}

test('Ben edits the sequence offline while Ada edits the same shots; on reconnecting both screens agree', async ({ newPerson, server }) => {
  const { ada, ben, ids } = await twoPeopleWithSceneOfShots(newPerson, server.url, 4)
  const [first, second, third, fourth] = ids as [string, string, string, string]

  await ben.context().setOffline(true)
  await expectConnection(ben, 'offline')
  // Offline, Ben renames the first shot, deletes the second, moves the third and puts the fourth first.
  await changeShots(ben, [{ id: first, props: { title: 'Ben: rooftop' } }])
  await expect(connectionBadge(ben)).toContainText('Edits waiting to be sent')
  await deleteShot(ben, second)
  const bensThird = (await shotState(ben))[third]!
  await changeShots(ben, [{ id: third, y: bensThird.y + 400 }])
  await dragCard(ben, fourth, first, 'before')
  await expect.poll(() => stripIds(ben)).toEqual([fourth, first, third])

  // Meanwhile Ada, online, renames the same first shot and moves the shot Ben deleted.
  await changeShots(ada, [{ id: first, props: { title: 'Ada: alley' } }])
  const adasSecond = (await shotState(ada))[second]!
  await changeShots(ada, [{ id: second, x: adasSecond.x + 50 }])

  await ben.context().setOffline(false)
  await expectConnection(ben, 'connected')
  await expect(connectionBadge(ben)).not.toContainText('waiting to be sent')

  // Both screens end equal: same shots, same places, same titles, same strip order and numbers
  // (read once Ben's offline edits have reached Ada).
  await expect.poll(async () => String((await shotState(ada))[first]?.title)).toContain('Ben: rooftop')
  await expect.poll(async () => (await shotState(ada))[third]?.y).toBe(bensThird.y + 400)
  const adaState = await shotState(ada)
  await expect.poll(() => shotState(ben)).toEqual(adaState)
  await expect.poll(async () => shotState(ada)).toEqual(await shotState(ben))
  await expect.poll(() => stripOrder(ada)).toEqual(await stripOrder(ben))
  // Nothing vanishes silently: the shot Ben deleted while Ada moved it comes back where Ada put it
  // (a change made meanwhile outlives a delete that did not know about it).
  expect(Object.keys(adaState).sort()).toEqual([...ids].sort())
  expect(adaState[second]!.x).toBe(adasSecond.x + 50)
  // Ben's move of the third shot and his new order survive.
  expect(adaState[third]!.y).toBe(bensThird.y + 400)
  const order = (await stripOrder(ada)).map(([id]) => id)
  expect(order.filter((id) => id !== second)).toEqual([fourth, first, third])
  // Every shot has its own number.
  const numbers = (await stripOrder(ada)).map(([, n]) => n)
  expect(new Set(numbers).size).toBe(4)
  // Both titles typed into the same field are kept, as two people typing at once are.
  expect(adaState[first]!.title).toContain('Ben: rooftop')
  expect(adaState[first]!.title).toContain('Ada: alley')
})
