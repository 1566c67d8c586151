import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { DATABASE_FILE } from '@storyloom/server/dataDir'
import { openDatabase } from '@storyloom/server/db/openDatabase'
import { leaveNewShotTitle } from './support/sequenceStrip'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { onePersonOnBoard, openBoard, twoPeopleOnBoard } from './support/boardPage'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { pngClaiming, solidPng } from './support/pngImage'
import { selectedClearOfPanel as selectedClearOfVersionPanel, selectedIds, selectShot, theShot, uploadTake, versionNode as node } from './support/shotVersions'
import { isolatedName } from '@storyloom/shared/api/typedName'

/**
 * How long another person's open panel may take to show a change: well under the 8 s the panel
 * once polled at, so a panel that only polls fails.
 */
const LIVE = { timeout: 3_000 }

/** Places a shot, waits until `watcher` (another person, or the same) has it, and opens its version panel. */
async function placeShotWithVersionPanel(page: Page, watcher: Page = page): Promise<Locator> {
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(640, 420)
  await expect.poll(async () => (await shapesOnPage(watcher)).filter((s) => (s.type as string) === 'shot').length).toBe(1)
  await page.getByTestId('version-panel-toggle').click()
  return page.getByTestId('version-panel')
}

test('takes branch, the active take switches live for everyone and undoes, and two takes compare', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Harbour at dawn')

  const panel = await placeShotWithVersionPanel(ada)
  await expect(panel).toContainText('No takes yet')

  // Three takes, one after another: each new take becomes the shot's image, under the one before.
  // The first is dropped on the panel, the second picked with "Upload take", the third pasted.
  const png = [...solidPng(64, 36, [200, 40, 40])]
  await panel.evaluate((target, bytes) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(bytes)], 'take-1.png', { type: 'image/png' }))
    for (const type of ['dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
  }, png)
  await expect(ada.getByTestId('version-node')).toHaveCount(1)
  const first = (await theShot(ada)).props.activeVersionId!
  await uploadTake(ada, 'take-2.png', [64, 36], [40, 200, 40])
  const second = (await theShot(ada)).props.activeVersionId!
  // The third is pasted into the panel (on the shot itself a paste pins a reference).
  const png3 = [...solidPng(64, 36, [40, 40, 200])]
  await panel.evaluate((target, bytes) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(bytes)], 'take-3.png', { type: 'image/png' }))
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, png3)
  await expect(ada.getByTestId('version-node')).toHaveCount(3)
  const third = (await theShot(ada)).props.activeVersionId!
  expect(new Set([first, second, third]).size).toBe(3)
  await expect(panel).toContainText('3 takes')

  // A picture the browser cannot show (its pixel data damaged), a decompression bomb (a PNG whose
  // header claims 60000 × 60000 over a few bytes of data: refused from its header, never decoded)
  // and one too big for a take are refused before anything is uploaded, each saying so by name;
  // the shot keeps its take for both people and the tree its three takes. (The first used to
  // become the shot's image for everyone — a blank frame — and the last a validator's text.)
  const refusals = ada.locator('.tlui-toast__main')
  const damaged = solidPng(64, 36, [10, 20, 30])
  damaged.fill(0xff, 41, 43) // the IDAT's zlib header (after the signature, IHDR and IDAT's length and type)
  await ada.getByTestId('version-upload-input').setInputFiles({ name: 'damaged.png', mimeType: 'image/png', buffer: damaged })
  await expect(refusals.filter({ hasText: 'damaged.png' })).toContainText('damaged.png cannot be shown as a picture')
  await ada.getByTestId('version-upload-input').setInputFiles({ name: 'bomb.png', mimeType: 'image/png', buffer: pngClaiming(60_000, 60_000) })
  await expect(refusals.filter({ hasText: 'bomb.png' })).toContainText('bomb.png is 60000 × 60000 pixels: a take is at most 16384 pixels on a side')
  await ada.getByTestId('version-upload-input').setInputFiles({ name: 'panorama.png', mimeType: 'image/png', buffer: solidPng(16_385, 2, [90, 90, 90]) })
  await expect(refusals.filter({ hasText: 'panorama.png' })).toContainText('panorama.png is 16385 × 2 pixels: a take is at most 16384 pixels on a side')
  await expect(ada.getByRole('button', { name: 'Upload take' })).toBeEnabled()
  await expect(ada.getByTestId('version-node')).toHaveCount(3)
  expect((await theShot(ada)).props.activeVersionId).toBe(third)
  expect((await theShot(ben)).props.activeVersionId).toBe(third)

  // Branch from the first: preview it, upload another direction — a sibling of the second take.
  await node(ada, first).click()
  await expect(ada.getByTestId('version-details')).toHaveAttribute('data-version-id', first)
  await uploadTake(ada, 'branch.png', [96, 36], [240, 200, 0])
  const branch = (await theShot(ada)).props.activeVersionId!
  const firstBox = (await node(ada, first).boundingBox())!
  const secondBox = (await node(ada, second).boundingBox())!
  const branchBox = (await node(ada, branch).boundingBox())!
  expect(branchBox.y).toBeCloseTo(secondBox.y, 0) // same depth as the second take
  expect(branchBox.x).toBeGreaterThan(secondBox.x) // in a lane of its own
  expect(secondBox.y).toBeGreaterThan(firstBox.y)
  // The active path runs root → branch.
  await expect(node(ada, first)).toHaveAttribute('data-on-path', 'true')
  await expect(node(ada, branch)).toHaveAttribute('data-active', 'true')
  await expect(node(ada, second)).not.toHaveAttribute('data-on-path', 'true')

  // Ben follows whatever Ada makes active.
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(branch)
  await node(ada, third).dblclick()
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(third)
  const thirdSrc = (await theShot(ada)).props.media!.src
  await expect(ben.locator('.shot-panel__media')).toHaveAttribute('src', thirdSrc)
  await expect(node(ada, second)).toHaveAttribute('data-on-path', 'true')

  // The switch is a normal edit: undo puts the branch back, for Ben too.
  await ada.keyboard.press('ControlOrMeta+z')
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(branch)

  // Star and label a take; "only starred" hides the rest.
  await node(ada, second).click()
  const details = ada.getByTestId('version-details')
  await details.getByLabel('Star').click()
  await details.getByLabel('Label').fill('Client pick')
  await details.getByLabel('Label').press('Enter')
  await expect(node(ada, second)).toContainText('Client pick')
  await panel.getByLabel('Only starred').check()
  await expect(ada.getByTestId('version-node')).toHaveCount(1)
  await panel.getByLabel('Only starred').uncheck()
  await expect(ada.getByTestId('version-node')).toHaveCount(4)

  // Compare the labelled take and the branch: one Shift+click on the branch compares it with the
  // take clicked before (the first Shift+click once only marked it). Side by side, then with the
  // swipe slider; the parameter list says what differs (the branch is wider).
  await node(ada, second).click()
  await node(ada, branch).click({ modifiers: ['Shift'] })
  const compare = ada.getByTestId('version-compare')
  await expect(compare).toBeVisible()
  await expect(compare.locator('img')).toHaveCount(2)
  // The captions set the label and the author apart with <bdi>, not invisible isolate characters.
  const captions = compare.locator('figcaption')
  await expect(captions).toHaveText(['A: Client pick · Ada', 'B: uploaded · Ada'])
  await expect(captions.first().locator('bdi')).toHaveText(['Client pick', 'Ada'])
  expect((await captions.allTextContents()).join('')).not.toMatch(/[\u2068\u2069]/u)
  // The label and star (what a director picks on) are compared first, then the settings.
  await expect(compare.getByTestId('version-params-diff')).toContainText('3 parameters differ')
  await expect(compare.locator('tr[data-differs] th')).toHaveText(['Label', 'Star', 'Size'])
  await compare.getByRole('tab', { name: 'Swipe' }).click()
  await compare.getByLabel('Swipe position').fill('30')
  await expect(compare.locator('.version-compare__top')).toHaveAttribute('style', /inset\(0px 0px 0px 30%\)|inset\(0 0 0 30%\)/)
  await ada.keyboard.press('Escape')
  await expect(compare).toHaveCount(0)

  // Arrow keys walk the tree: up from the branch is the first take.
  await node(ada, branch).click()
  await ada.keyboard.press('ArrowUp')
  await expect(ada.getByTestId('version-details')).toHaveAttribute('data-version-id', first)
  await expect(node(ada, first)).toBeFocused()

  // Going back to the first take as a step of its own: a new take, shown to Ben too.
  await node(ada, first).click()
  await ada.getByTestId('version-details').getByRole('button', { name: 'Bring back as new take' }).click()
  await expect(ada.getByTestId('version-node')).toHaveCount(5)
  await expect(ada.getByTestId('version-details')).toContainText('Brought back by Ada')
  await expect.poll(async () => (await theShot(ben)).props.media?.src).toBe((await theShot(ada)).props.media?.src)
  expect((await theShot(ben)).props.media?.src).toContain((await node(ada, first).locator('img').getAttribute('src'))!.split('/').pop())
})

test('another person’s open versions panel shows new takes, stars, labels (not over one they are typing), approvals, deletes and restores at once', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Night market')
  const panel = await placeShotWithVersionPanel(ada, ben)
  await uploadTake(ada, 'take-1.png', [64, 36], [200, 40, 40])
  const first = (await theShot(ada)).props.activeVersionId!

  // Ben opens the same shot's versions.
  await selectShot(ben)
  await ben.getByTestId('version-panel-toggle').click()
  await expect(node(ben, first)).toBeVisible()
  await uploadTake(ada, 'take-2.png', [64, 36], [40, 200, 40])
  const second = (await theShot(ada)).props.activeVersionId!
  await expect(node(ben, second)).toBeVisible(LIVE)
  await node(ben, first).click()
  const bensDetails = ben.getByTestId('version-details')
  await expect(bensDetails).toHaveAttribute('data-version-id', first)

  // Ada works on the first take; Ben's panel follows each change.
  await node(ada, first).click()
  const details = ada.getByTestId('version-details')
  await details.getByLabel('Star').click()
  await expect(node(ben, first).locator('.version-node__star')).toBeVisible(LIVE)
  await details.getByLabel('Label').fill('Client pick')
  await details.getByLabel('Label').press('Enter')
  await expect(node(ben, first)).toContainText('Client pick', LIVE)
  // Ben starts relabelling it while Ada changes the label: his typing stays, and his Enter saves it.
  const bensLabel = bensDetails.getByLabel('Label')
  await bensLabel.fill('Hero sh')
  await details.getByLabel('Label').fill('Client pick, v2')
  await details.getByLabel('Label').press('Enter')
  await expect(node(ben, first)).toContainText('Client pick, v2', LIVE)
  await expect(bensLabel).toHaveValue('Hero sh')
  await bensLabel.press('End')
  await bensLabel.pressSequentially('ot')
  await bensLabel.press('Enter')
  await expect(node(ada, first)).toContainText('Hero shot', LIVE)
  await expect(details.getByLabel('Label')).toHaveValue('Hero shot')
  await details.getByLabel('Approval').selectOption('approved')
  await expect(bensDetails.getByLabel('Approval')).toHaveValue('approved', LIVE)
  // The tree says which takes are approved or rejected, without opening each one.
  await expect(node(ben, first).locator('.version-node__approval')).toHaveText('Approved')
  await expect(node(ben, second).locator('.version-node__approval')).toHaveCount(0)
  await node(ada, second).click()
  await details.getByLabel('Approval').selectOption('rejected')
  await expect(node(ben, second).locator('.version-node__approval')).toHaveText('Rejected', LIVE)
  await node(ada, first).click()
  await details.getByRole('button', { name: 'Delete' }).click()
  await expect(node(ben, first)).toHaveCount(0, LIVE)
  await panel.getByLabel('Deleted').check()
  await node(ada, first).click()
  await ada.getByTestId('version-details').getByRole('button', { name: 'Restore' }).click()
  await expect(node(ben, first)).toBeVisible(LIVE)
  await expect(node(ben, first)).toContainText('Hero shot')
})

test('iterating from a generated take opens the form with its settings, and the results become its children', async ({ newPerson, server }) => {
  const { boardId, page: ada } = await onePersonOnBoard(newPerson, server.url, 'Lighthouse')
  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(520, 330)
  await ada.getByTestId('shot-inspector').getByLabel('Action').fill('A lighthouse keeper climbs the stairs')

  // Two takes from one request: siblings at the root. (Clicking the shot's header leaves the field.)
  const box = (await ada.locator('.shot-panel').boundingBox())!
  await ada.mouse.click(box.x + box.width / 2, box.y + 12)
  await ada.keyboard.press('Shift+G')
  let form = ada.getByTestId('generation-form')
  await expect(form.getByLabel('Model')).toContainText('built-in')
  await form.getByLabel('Variations').fill('2')
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()
  await ada.getByTestId('version-panel-toggle').click()
  await expect(ada.getByTestId('version-node')).toHaveCount(2, { timeout: 60_000 })
  const shotId = (await theShot(ada)).id
  const api = createApiClient(server.url).api.boards[':boardId'].shots[':shotId'].versions
  const listed = async () => (await (await api.$get({ param: { boardId, shotId }, query: {} })).json()) as { versions: { id: string; parentId: string | null; params: { prompt: string; seed: number } | null }[] }
  const [, second] = (await listed()).versions
  expect(second!.parentId).toBeNull()

  // Iterate from the second take: the form carries its prompt; the results hang under it.
  await node(ada, second!.id).click()
  await ada.getByTestId('version-details').getByRole('button', { name: 'Iterate from here' }).click()
  form = ada.getByTestId('generation-form')
  await expect(form.getByLabel('Shot 1')).toHaveValue(second!.params!.prompt)
  await form.getByLabel('Variations').fill('2')
  await form.getByTestId('generation-submit').click()
  await expect(ada.getByTestId('version-node')).toHaveCount(4, { timeout: 60_000 })
  const all = (await listed()).versions
  const children = all.filter((v) => v.parentId === second!.id)
  expect(children).toHaveLength(2)
  // The prompt was not changed: new seeds are what make them new pictures, not copies of a take.
  const earlierSeeds = all.filter((v) => v.parentId === null).map((v) => v.params!.seed)
  for (const child of children) expect(earlierSeeds).not.toContain(child.params!.seed)
  const parentBox = (await node(ada, second!.id).boundingBox())!
  for (const child of children) expect((await node(ada, child.id).boundingBox())!.y).toBeGreaterThan(parentBox.y)
})

test('the versions panel works from the keyboard: Escape closes it and focus goes back to its toggle', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Keyboard takes')
  const panel = await placeShotWithVersionPanel(page)
  await uploadTake(page, 'first.png', [64, 36], [200, 40, 40])
  // Walk into the panel as a keyboard user does, then leave it with Escape.
  await node(page, (await page.getByTestId('version-node').first().getAttribute('data-version-id'))!).focus()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(page.getByTestId('version-panel-toggle')).toBeFocused()
  await expect(page.getByTestId('version-panel-toggle')).toHaveAttribute('aria-expanded', 'false')
  // The shot stays selected: Escape closed the panel, it did not reach the canvas.
  expect(await page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)
})

test('Escape right after a Shift+click closes the comparison only: the shot stays selected and its takes stay listed', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Compare and go back')
  const panel = await placeShotWithVersionPanel(page)
  await uploadTake(page, 'first.png', [64, 36], [200, 40, 40])
  await uploadTake(page, 'second.png', [64, 36], [40, 200, 40])
  const [first, second] = await page.getByTestId('version-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-version-id')!))
  // The focus stays on the take just Shift+clicked, inside the panel on the canvas.
  await node(page, first!).click()
  await node(page, second!).click({ modifiers: ['Shift'] })
  const compare = page.getByTestId('version-compare')
  await expect(compare).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(compare).toHaveCount(0)
  // Escape once reached the canvas too, which cleared the selection and emptied the panel.
  await expect(panel.getByTestId('version-node')).toHaveCount(2)
  expect(await page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)
  // A second Escape is the panel's own: it closes.
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
})

test('at 1280×720 the versions panel names its shot (live when renamed), shows a take whole above the toolbar, and no toggle ever moves', async ({
  newPerson,
  server,
}) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Named takes')
  await page.setViewportSize({ width: 1280, height: 720 })
  const toggles = () =>
    page.locator('.floating-panel__toggle').evaluateAll((els) => els.map((el) => [el.textContent, Math.round(el.getBoundingClientRect().x)]))
  // Nothing selected: the Versions toggle is there all the same, so selecting a shot moves nothing.
  const closed = await toggles()
  expect(closed.map(([label]) => label)).toContain('Versions')
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(640, 300)
  const title = page.getByTestId('shot-inspector').getByLabel('Title')
  await title.fill('Rooftop wide')
  expect(await toggles()).toEqual(closed)

  await page.getByTestId('version-panel-toggle').click()
  const panel = page.getByTestId('version-panel')
  // The typed title is set apart with <bdi> on screen (nothing invisible to copy), isolated in the tooltip.
  await expect(panel.getByRole('heading')).toHaveText('Shot 1 · Rooftop wide')
  await expect(panel.getByRole('heading').locator('bdi')).toHaveText('Rooftop wide')
  await expect(panel.getByRole('heading')).toHaveAttribute('title', `Shot 1 · ${isolatedName('Rooftop wide')}`)
  await uploadTake(page, 'first.png', [64, 36], [200, 40, 40])
  await uploadTake(page, 'second.png', [64, 36], [40, 40, 200])
  expect(await toggles()).toEqual(closed)
  await expect(panel.getByTestId('version-details').locator('img')).toBeInViewport({ ratio: 1 })
  await expect(panel.getByRole('button', { name: 'Delete', exact: true })).toBeInViewport({ ratio: 1 })
  const panelBottom = (await panel.boundingBox())!
  expect(panelBottom.y + panelBottom.height).toBeLessThanOrEqual((await page.locator('.tlui-main-toolbar').boundingBox())!.y)
  await page.screenshot({ path: test.info().outputPath('versions-1280x720.png') })

  await title.fill('Rooftop wide, dusk')
  await expect(panel.getByRole('heading')).toHaveText('Shot 1 · Rooftop wide, dusk')

  // The selection cleared, the open panel says what to do and the toggles stay put; selecting the shot again shows its takes.
  await title.press('Escape') // out of the field
  await page.keyboard.press('Escape') // the selection
  await expect(panel).toContainText('Select one shot to see its takes.')
  expect(await toggles()).toEqual(closed)
  await selectShot(page)
  await expect(panel.getByRole('heading')).toHaveText('Shot 1 · Rooftop wide, dusk')
})

test('with the versions panel open, a shot brought into view (Shift+S, Page Up) ends clear of the panel once it shows its takes, at 1280×720 and 1024×768', async ({
  newPerson,
  server,
}) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Panel and reveal')
  const selected = () => selectedIds(page)
  const panel = page.getByTestId('version-panel')
  const selectedClearOfPanel = () => selectedClearOfVersionPanel(page)

  await page.keyboard.press('Shift+S')
  await expect.poll(async () => (await selected()).length).toBe(1)
  const [first] = await selected()
  await page.getByTestId('version-panel-toggle').click()
  for (const [i, colour] of ([[200, 40, 40], [40, 200, 40], [40, 40, 200]] as const).entries()) {
    await uploadTake(page, `take-${i}.png`, [64, 36], [...colour])
  }

  for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
    await page.setViewportSize(size)
    // New shots: the panel re-reads each one's (no) takes after the shot was brought into view.
    for (let i = 0; i < 3; i++) {
      await page.locator('.tl-container').focus()
      const before = await selected()
      await page.keyboard.press('Shift+S')
      await expect.poll(selected).not.toEqual(before)
      await leaveNewShotTitle(page)
      await expect(panel).toContainText('No takes yet')
      await expect.poll(selectedClearOfPanel, `new shot ${i + 1} at ${size.width}×${size.height}`).toBe(true)
    }
    // Back to the first shot: its three takes and the previewed picture make the panel much taller.
    while ((await selected())[0] !== first) await page.keyboard.press('PageUp')
    await expect(node(page, (await page.getByTestId('version-node').first().getAttribute('data-version-id'))!)).toBeVisible()
    await expect(panel.getByTestId('version-node')).toHaveCount(3)
    await expect(panel.getByTestId('version-details').locator('img')).toHaveJSProperty('complete', true)
    await expect.poll(selectedClearOfPanel, `the shot with takes at ${size.width}×${size.height}`).toBe(true)
    await page.screenshot({ path: test.info().outputPath(`reveal-clear-of-versions-${size.width}.png`) })
  }
})

test('after a restart an older take gets the size its file says, and one whose stored file is a decompression bomb stays listed as Unreadable, never loaded', async ({ newPerson, server }) => {
  const { boardId, url, page: ada } = await onePersonOnBoard(newPerson, server.url, 'Old takes')
  await placeShotWithVersionPanel(ada)
  await uploadTake(ada, 'first.png', [64, 36], [200, 40, 40])
  const first = (await theShot(ada)).props.activeVersionId!
  await uploadTake(ada, 'second.png', [64, 36], [40, 200, 40])
  const second = (await theShot(ada)).props.activeVersionId!
  // A bomb (a PNG claiming 60000 × 60000) stored as a plain asset, as any file once could be.
  const stored = await createApiClient(server.url).api.boards[':boardId'].assets.$post({ param: { boardId } }, { init: { body: new Uint8Array(pngClaiming(60_000, 60_000)) } })
  const bomb = ((await stored.json()) as { id: string }).id

  // As takes were recorded before the server read headers: the sizes their client sent, no mark;
  // the first take's file is the bomb (recorded then as 64 × 36), the second lies 4000 × 3.
  await server.stop()
  const db = openDatabase(join(server.dataDir, DATABASE_FILE)).$client
  const take = db.prepare<[string], { assets: string }>('select assets from shot_versions where id = ?')
  const write = db.prepare('update shot_versions set assets = ? where id = ?')
  const asRecordedBefore = (id: string, change: Record<string, unknown>) => {
    const [file] = JSON.parse(take.get(id)!.assets) as Record<string, unknown>[]
    write.run(JSON.stringify([{ ...file, header: undefined, ...change }]), id)
  }
  asRecordedBefore(first, { assetId: bomb, src: `/api/boards/${boardId}/assets/${bomb}`, width: 64, height: 36 })
  asRecordedBefore(second, { width: 4000, height: 3 })
  db.close()
  await server.restart()
  // The server reads them off the request path, right after it starts listening.
  const version = createApiClient(server.url).api.boards[':boardId'].versions[':versionId']
  const fileOf = async (versionId: string) => ((await (await version.$get({ param: { boardId, versionId } })).json()) as { assets: { header?: string }[] }).assets[0]
  await expect.poll(async () => (await fileOf(first))?.header).toBe('oversized')
  expect(await fileOf(second)).toMatchObject({ width: 64, height: 36, header: 'read' })
  const bombRequests: string[] = []
  ada.on('request', (request) => request.url().includes(bomb) && bombRequests.push(request.url()))
  await openBoard(ada, url.replace(/^http:\/\/[^/]+/u, server.url))
  await selectShot(ada)
  await ada.getByTestId('version-panel-toggle').click()

  // The bomb's take is listed, marked, its file never asked for; it cannot be made active.
  await expect(node(ada, first).getByTestId('take-unreadable')).toHaveText('Unreadable')
  await expect(node(ada, first).locator('img')).toHaveCount(0)
  await node(ada, first).click()
  const details = ada.getByTestId('version-details')
  await expect(details.getByTestId('take-unreadable')).toBeVisible()
  await expect(details).toContainText('larger than 16384 pixels on a side')
  await expect(details.getByRole('button', { name: 'Make active' })).toBeDisabled()
  // Nor anything that would load its file: a generation from it, or the shot showing it again.
  await expect(details.getByRole('button', { name: /Iterate from here|Bring back as new take/u })).toHaveCount(0)
  await ada.screenshot({ path: test.info().outputPath('unreadable-take.png') })
  // Compared with the other take: the size the server read from its file, not the 4000 × 3 sent.
  await node(ada, second).click({ modifiers: ['Shift'] })
  const size = ada.getByTestId('version-params-diff').getByRole('row').filter({ hasText: 'Size' })
  await expect(size).toContainText('Unreadable (over 16384 px a side)')
  await expect(size).toContainText('64 × 36')
  expect(bombRequests).toEqual([])
})
