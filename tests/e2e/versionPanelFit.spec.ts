import { createApiClient } from '@storyloom/server/http/apiClient'
import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { onePersonOnBoard } from './support/boardPage'
import { solidPng } from './support/pngImage'
import { expect, test } from './support/fixtures'
import { theShot, uploadTake, versionNode as node } from './support/shotVersions'

/**
 * On a laptop screen the versions panel fits its space: the tree of takes scrolls inside itself
 * and the previewed take's actions stay on screen, so nothing in the panel needs the panel itself
 * scrolled to be seen (the last row once sat below the panel's edge at 1440×900).
 */
test('at 1440×900 and 1280×720 the versions panel shows the newest take and the take actions without scrolling the panel', async ({
  newPerson,
  server,
}) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Laptop takes')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(700, 300)
  await page.getByTestId('version-panel-toggle').click()
  const panel = page.getByTestId('version-panel')
  const colours: [number, number, number][] = [[200, 40, 40], [40, 200, 40], [40, 40, 200], [200, 200, 40]]
  for (const [i, colour] of colours.entries()) await uploadTake(page, `take-${i}.png`, [64, 36], colour)
  const newest = (await theShot(page)).props.activeVersionId!
  const first = (await page.getByTestId('version-node').first().getAttribute('data-version-id'))!
  const panelScrolls = () => panel.evaluate((el) => el.scrollHeight > el.clientHeight + 1)

  for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size)
    const at = `${size.width}×${size.height}`
    await node(page, newest).click()
    await expect(node(page, newest), `the newest take at ${at}`).toBeInViewport({ ratio: 1 })
    await expect(panel.getByRole('button', { name: 'Delete', exact: true }), `Delete at ${at}`).toBeInViewport({ ratio: 1 })
    expect(await panelScrolls(), `the panel itself scrolls at ${at}`).toBe(false)
    const toolbar = (await page.locator('.tlui-main-toolbar').boundingBox())!
    const box = (await panel.boundingBox())!
    expect(box.y + box.height, `the panel ends above the toolbar at ${at}`).toBeLessThanOrEqual(toolbar.y)

    // Previewing the first take brings more actions (Compare with active…): still all on screen.
    await node(page, first).click()
    await expect(panel.getByTestId('version-details')).toHaveAttribute('data-version-id', first)
    await expect(node(page, first), `the first take at ${at}`).toBeInViewport({ ratio: 1 })
    await expect(panel.getByRole('button', { name: 'Compare with active' }), `Compare at ${at}`).toBeInViewport({ ratio: 1 })
    expect(await panelScrolls(), `the panel itself scrolls with a take previewed at ${at}`).toBe(false)
    await page.screenshot({ path: test.info().outputPath(`versions-${size.width}.png`) })
  }
})

/**
 * A director's four takes of one request (or four uploads side by side) are siblings: one row
 * of the tree. At 1440×900 the fourth once sat past the panel's edge until the tree was
 * scrolled sideways; the row now fits (takes drawn a little smaller), and a take landing where
 * the row no longer fits is brought into view.
 */
test('at 1440×900 four sibling takes all show in the versions tree, and a newly landed take past the edge is brought into view', async ({ newPerson, server }) => {
  const { boardId, page } = await onePersonOnBoard(newPerson, server.url, 'Siblings')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(700, 300)
  const shotId = (await theShot(page)).id
  const api = createApiClient(server.url).api.boards[':boardId']
  const addRootTake = async (colour: [number, number, number]) => {
    const uploaded = await api.assets.$post({ param: { boardId } }, { init: { body: new Uint8Array(solidPng(64, 36, colour)), headers: { 'Content-Type': 'image/png' } } })
    const asset = assetResponseSchema.parse(await uploaded.json())
    const made = await api.shots[':shotId'].versions.$post({ param: { boardId, shotId }, json: { assets: [{ assetId: asset.id }], parentId: null } })
    expect(made.status).toBe(201)
    return ((await made.json()) as { id: string }).id
  }
  const takes: string[] = []
  for (const colour of [[200, 40, 40], [40, 200, 40], [40, 40, 200], [200, 200, 40]] as [number, number, number][]) takes.push(await addRootTake(colour))
  await page.getByTestId('version-panel-toggle').click()
  await expect(page.getByTestId('version-node')).toHaveCount(4)
  const graph = page.getByTestId('version-graph')
  // Every take whole inside the tree's box, with nothing to scroll sideways.
  for (const take of takes) await expect(node(page, take), `take ${takes.indexOf(take) + 1}`).toBeInViewport({ ratio: 1 })
  const box = (await graph.boundingBox())!
  for (const take of takes) {
    const nodeBox = (await node(page, take).boundingBox())!
    expect(nodeBox.x + nodeBox.width, `take ${takes.indexOf(take) + 1} ends inside the tree`).toBeLessThanOrEqual(box.x + box.width)
  }
  expect(await graph.evaluate((el) => el.scrollWidth > el.clientWidth + 1), 'the tree scrolls sideways').toBe(false)

  // Many more siblings than a row can hold: a take that lands past the edge scrolls into view.
  for (let i = 0; i < 6; i++) takes.push(await addRootTake([20 * i, 120, 160]))
  await page.getByTestId('version-panel-toggle').click()
  await page.getByTestId('version-panel-toggle').click()
  await expect(page.getByTestId('version-node').first()).toBeVisible()
  const newest = await addRootTake([250, 250, 250])
  // Another person's upload: the panel learns of it from the board's event channel.
  await expect(node(page, newest)).toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: test.info().outputPath('siblings-1440.png') })
})

test('at 1440×900 and 1280×720 "Bring back as new take" scrolls a long tree to the new take', async ({ newPerson, server }) => {
  const { boardId, page } = await onePersonOnBoard(newPerson, server.url, 'Long tree')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(700, 300)
  const shotId = (await theShot(page)).id
  await page.getByTestId('version-panel-toggle').click()
  // The first take, active: the root of the tree.
  await uploadTake(page, 'root.png', [64, 36], [200, 40, 40])
  const root = (await theShot(page)).props.activeVersionId!
  // A long chain under it, each take the child of the one before (another person's iterations).
  const api = createApiClient(server.url).api.boards[':boardId']
  let parent = root
  for (let i = 0; i < 9; i++) {
    const uploaded = await api.assets.$post({ param: { boardId } }, { init: { body: new Uint8Array(solidPng(64, 36, [20 * i, 120, 160])), headers: { 'Content-Type': 'image/png' } } })
    const asset = assetResponseSchema.parse(await uploaded.json())
    const made = await api.shots[':shotId'].versions.$post({ param: { boardId, shotId }, json: { assets: [{ assetId: asset.id }], parentId: parent } })
    expect(made.status).toBe(201)
    parent = ((await made.json()) as { id: string }).id
  }
  const deepest = parent
  const graph = page.getByTestId('version-graph')
  // The panel has them all (it draws only the takes scrolled into view): the deepest is listed.
  await graph.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await expect(node(page, deepest)).toBeVisible()

  for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(viewport)
    // Down to the deepest take, far below the root, and bring it back: the new take is the root's
    // child (after the take the shot shows), up at the top of the tree, out of view.
    await graph.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await node(page, deepest).click()
    await expect.poll(() => graph.evaluate((el) => el.scrollTop), 'the tree scrolled down').toBeGreaterThan(200)
    const before = await page.getByTestId('version-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-version-id')))
    await page.getByTestId('version-details').getByRole('button', { name: 'Bring back as new take' }).click()
    await expect.poll(async () => (await theShot(page)).props.activeVersionId).not.toBe(root)
    const brought = (await theShot(page)).props.activeVersionId!
    expect(before).not.toContain(brought)
    await expect(node(page, brought), `the new take at ${viewport.width}×${viewport.height}`).toBeInViewport({ ratio: 1 })
    await page.screenshot({ path: test.info().outputPath(`brought-back-${viewport.width}.png`) })
    // Back to the root as the active take for the next size.
    await graph.evaluate((el) => el.scrollTo({ top: 0 }))
    await node(page, root).dblclick()
    await expect.poll(async () => (await theShot(page)).props.activeVersionId).toBe(root)
  }
})
