import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { twoPeopleOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { openGenerationForm, placeShot, selectShot, theShot, versionEdge, versionNode, watchVersionsToggle } from './support/shotVersions'

// versions.spec.ts covers the tree with uploaded takes, board snapshots and iterating in one
// browser; this one starts from real generations (the built-in model) with two people.

/** The shot's takes as the API lists them, oldest first. */
async function takesOf(serverUrl: string, boardId: string, shotId: string): Promise<ShotVersion[]> {
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/shots/${encodeURIComponent(shotId)}/versions`)
  return versionListResponseSchema.parse(await response.json()).versions
}

test('three generated takes are siblings, a branch from the first hangs under it, the active take follows in the other browser, and two takes compare by seed', async ({ newPerson, server }) => {
  const { boardId, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Ferry at dawn')
  await placeShot(ada, 'A ferry leaves the harbour at dawn, gulls wheeling over its wake as the town lights go out one by one')
  await expect(ben.locator('.shot-panel')).toContainText('A ferry leaves the harbour')

  // Three takes from one request, on a fixed seed: variation i runs with seed 7 + i.
  let form = await openGenerationForm(ada)
  await form.getByLabel('Seed mode').selectOption('fixed')
  await form.getByLabel('Seed value').fill('7')
  await form.getByLabel('Variations').fill('3')
  const versionsToggle = await watchVersionsToggle(ada)
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()
  // Opened at once, while the queue beside it changes: the shot stays selected, and the panel
  // shows the takes as they land.
  await ada.getByTestId('version-panel-toggle').click()
  await expect(ada.getByTestId('version-node')).toHaveCount(3, { timeout: 60_000 })
  await expect(ada.locator('.generation-queue__toggle')).toHaveText('Queue', { timeout: 30_000 })
  // The toggle never moved while the queue said what ran (a click aimed at a toggle that had
  // jumped once landed on the canvas and cleared the selection).
  const seen = await versionsToggle()
  expect(seen.queueLabels.some((label) => label.includes('running'))).toBe(true)
  expect(seen.positions).toHaveLength(1)
  const shotId = (await theShot(ada)).id
  const takes = await takesOf(server.url, boardId, shotId)
  expect(takes.map((v) => [v.parentId, v.params?.seed])).toEqual([
    [null, 7],
    [null, 8],
    [null, 9],
  ])
  const [first, second, third] = takes as [ShotVersion, ShotVersion, ShotVersion]
  // Siblings: one row of the graph, no lines between them.
  const rowY = (await versionNode(ada, first.id).boundingBox())!.y
  for (const take of [second, third]) expect((await versionNode(ada, take.id).boundingBox())!.y).toBeCloseTo(rowY, 0)
  await expect(ada.locator('.version-graph__edge')).toHaveCount(0)

  // Branch from the first: "Iterate from here" brings its prompt back, on a new random seed
  // and one variation (not the run's three, which would re-make the take and its siblings);
  // locking the seed offers the take's own.
  await versionNode(ada, first.id).click()
  await ada.getByTestId('version-details').getByRole('button', { name: 'Iterate from here' }).click()
  form = ada.getByTestId('generation-form')
  await expect(form.getByLabel('Shot 1')).toHaveValue(first.params!.prompt)
  await expect(form.getByLabel('Seed mode')).toHaveValue('random')
  await expect(form.getByLabel('Variations')).toHaveValue('1')
  await form.getByLabel('Seed mode').selectOption('fixed')
  await expect(form.getByLabel('Seed value')).toHaveValue('7')
  await form.getByLabel('Seed value').fill('21')
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()
  await expect(ada.getByTestId('version-node')).toHaveCount(4, { timeout: 60_000 })
  const branch = (await takesOf(server.url, boardId, shotId)).find((v) => !takes.some((t) => t.id === v.id))!
  expect(branch.parentId).toBe(first.id)
  expect(branch.params?.seed).toBe(21)
  // The graph draws it under the first take, joined to it by a line.
  await expect(versionEdge(ada, first.id, branch.id)).toHaveCount(1)
  await expect(ada.locator('.version-graph__edge')).toHaveCount(1)
  expect((await versionNode(ada, branch.id).boundingBox())!.y).toBeGreaterThan(rowY)

  // Ada makes the third take active with a double click: Ben's frame shows its image at once.
  const thirdSrc = third.assets.find((a) => a.kind === 'image')!.src
  await versionNode(ada, third.id).dblclick()
  await expect(versionNode(ada, third.id)).toHaveAttribute('data-active', 'true')
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(third.id)
  await expect(ben.locator('.shot-panel__media')).toHaveAttribute('src', thirdSrc)
  await expect(ada.locator('.shot-panel__media')).toHaveAttribute('src', thirdSrc)
  // And back to the branch: Ben follows again.
  await versionNode(ada, branch.id).dblclick()
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(branch.id)
  await expect(ben.locator('.shot-panel__media')).toHaveAttribute('src', branch.assets[0]!.src)

  // Ben compares the first two takes side by side: their images, and the seed listed as the
  // one parameter that differs.
  await selectShot(ben)
  await ben.getByTestId('version-panel-toggle').click()
  await expect(ben.getByTestId('version-node')).toHaveCount(4)
  // One Shift+click on the second compares it with the take clicked before.
  await versionNode(ben, first.id).click()
  await versionNode(ben, second.id).click({ modifiers: ['Shift'] })
  const compare = ben.getByTestId('version-compare')
  await expect(compare).toBeVisible()
  await expect(compare.locator('img').nth(0)).toHaveAttribute('src', first.assets[0]!.src)
  await expect(compare.locator('img').nth(1)).toHaveAttribute('src', second.assets[0]!.src)
  const diff = compare.getByTestId('version-params-diff')
  await expect(diff).toContainText('1 parameter differs')
  await expect(diff.locator('tr[data-differs]')).toHaveCount(1)
  await expect(diff.locator('tr[data-differs]')).toContainText(/Seed\s*7\s*8/u)
  // Every parameter's name reads whole on one line beside the long prompt (it once squeezed them to "Prom pt").
  const linesPerName = await diff.locator('th').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange()
      range.selectNodeContents(cell)
      return [cell.textContent, new Set(Array.from(range.getClientRects(), (line) => Math.round(line.top))).size]
    }),
  )
  expect(linesPerName).toEqual(linesPerName.map(([name]) => [name, 1]))
  await ben.keyboard.press('Escape')
  await expect(compare).toHaveCount(0)
})
