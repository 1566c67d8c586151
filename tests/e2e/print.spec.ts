import type { Page, Route } from '@playwright/test'
import { putRecords, readAllRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardWithViewer, signedInPage, signUp } from './support/accounts'
import { createBoard, expectCanvasReady, onePersonOnBoard } from './support/boardPage'
import { drag, drawFreehand } from './support/drawing'
import { shapesOnPage, shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { pdfElements, pdfPageMargins, pdfPages, pdfPageTexts } from './support/pdfLayout'
import { solidPng } from './support/pngImage'
import { addSceneWithShots, stripCard } from './support/sequenceStrip'
import { settledBox } from './support/settled'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf } from '../support/syncClient'

test.setTimeout(180_000)

/** Each scene's heading and its panels' `number title`, in the order the print view shows them. */
function printedScenes(page: Page): Promise<[string, string[]][]> {
  return page.getByTestId('print-scene').evaluateAll((sections) =>
    sections.map((section) => [
      section.querySelector('[data-testid="print-scene-heading"]')?.textContent ?? '',
      Array.from(section.querySelectorAll('[data-testid="print-panel"]'), (panel) =>
        `${panel.querySelector('.print-panel__number')?.textContent} ${panel.querySelector('.print-panel__title')?.textContent}`,
      ),
    ]),
  )
}

/** Titles the shot in the inspector (selected from its strip card), and its action and dialogue when given. */
async function describeShot(page: Page, shotId: string, fields: { title: string; action?: string; dialogue?: string }): Promise<void> {
  await stripCard(page, shotId).click()
  const inspector = page.getByTestId('shot-inspector')
  await inspector.getByLabel('Title').fill(fields.title)
  if (fields.action) await inspector.getByLabel('Action').fill(fields.action)
  if (fields.dialogue) await inspector.getByLabel('Dialogue / VO').fill(fields.dialogue)
  await expect.poll(async () => (await shotsOnPage(page)).find((s) => s.id === shotId)?.props).toMatchObject(fields)
}

/**
 * Checks a printed storyboard: pages of `orientation`, `panels` panels each on one page, each
 * scene heading on the page of the panel after it. Returns how many pages it has.
 */
function expectWholePanels(pdf: Buffer, orientation: 'landscape' | 'portrait', panels: number): number {
  const pages = pdfPages(pdf)
  for (const { width, height } of pages) expect(width > height ? 'landscape' : 'portrait').toBe(orientation)
  const elements = pdfElements(pdf).filter((e) => e.role === 'Art' || e.role === 'H2')
  expect(elements.filter((e) => e.role === 'Art')).toHaveLength(panels)
  for (const [i, element] of elements.entries()) {
    if (element.role === 'Art') expect(element.pages, `panel ${i}`).toHaveLength(1)
    else expect(elements[i + 1]?.pages, `panel after heading ${i}`).toEqual(element.pages)
  }
  return pages.length
}

/**
 * Checks the pages' own foot: every page ends with the board's name and date and "Page i of n",
 * drawn in the page's bottom 14 mm; and the pages leave the browser no margin, as Chrome prints
 * its own header and footer (its "Headers and footers" option) only into the page's margins.
 */
function expectOwnFoot(pdf: Buffer, boardName: string): void {
  const texts = pdfPageTexts(pdf)
  for (const [i, runs] of texts.entries()) {
    // The board's name is isolated (U+2068 … U+2069) in the foot as in the page, and drawn with ligatures.
    const foot = runs.join('').normalize('NFKC').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ')
    expect(foot, `page ${i + 1}`).toContain(`Page ${i + 1} of ${texts.length}`)
    expect(foot, `page ${i + 1}`).toContain(`${boardName} · `)
  }
  for (const [i, margins] of pdfPageMargins(pdf).entries()) expect(margins, `page ${i + 1}'s margins`).toEqual({ top: 0, bottom: 0 })
}

test('the storyboard prints from the main menu: scenes and numbered panels in reading order, Print waits for the pictures, and no row is cut across pages', async ({
  newPerson,
  server,
}) => {
  const { boardId, page } = await onePersonOnBoard(newPerson, server.url, 'Lumen spot')
  const [alarm, sip, light] = await addSceneWithShots(page, 'Morning ritual', 3)
  const [cross, wink] = await addSceneWithShots(page, 'Commute', 2)
  // The last shot, just made, is in view and selected: its empty frame gets a sketch.
  await page.keyboard.press('Escape')
  const frame = await settledBox(page.locator(`[data-shape-id="${wink}"] .shot-panel__frame`))
  await drawFreehand(page, [0.2, 0.5, 0.8].map((f, i) => ({ x: frame.x + frame.width * f, y: frame.y + frame.height * (0.3 + 0.2 * i) })))
  await page.keyboard.press('Escape')
  await describeShot(page, alarm!, { title: 'Alarm', action: 'A phone buzzes on the nightstand.', dialogue: 'MAYA: Five more minutes.' })
  await describeShot(page, sip!, { title: 'First sip' })
  await describeShot(page, light!, { title: 'Window light' })
  await describeShot(page, cross!, { title: 'Crosswalk' })
  await describeShot(page, wink!, { title: 'Wink' })

  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Print storyboard…' }).click()
  await expect(page).toHaveURL(`${server.url}/b/${boardId}/print`)
  await expect.poll(() => printedScenes(page)).toEqual([
    ['1Morning ritual3 shots · 9s', ['1.1 Alarm', '1.2 First sip', '1.3 Window light']],
    ['2Commute2 shots · 6s', ['2.1 Crosswalk', '2.2 Wink']],
  ])
  await expect(page.locator('.print-sheet__title bdi')).toHaveText('Lumen spot')
  const first = page.locator(`[data-shot-id="${alarm}"]`)
  await expect(first.locator('.print-panel__camera')).toHaveText('MS · Eye level · Static')
  await expect(first.locator('.print-panel__action')).toHaveText('A phone buzzes on the nightstand.')
  await expect(first.locator('.print-panel__dialogue')).toHaveText('MAYA: Five more minutes.')
  // Without image or sketch, the frame is empty paper in the shot's aspect ratio; the sketch prints in its frame.
  const empty = await first.locator('.print-panel__frame').boundingBox()
  expect(Math.abs(empty!.width / empty!.height - 16 / 9)).toBeLessThan(0.02)
  await expect(page.locator(`[data-shot-id="${wink}"] .shot-sketch img`)).toBeVisible()

  // Someone gives four shots an image while the view is open; their files are slow to come.
  const held: Route[] = []
  await page.route('**/api/boards/*/assets/*', (route) => void held.push(route))
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const pictured = [alarm!, sip!, light!, cross!]
  const srcs = await Promise.all(
    pictured.map(async (_, i) => {
      const response = await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(solidPng(320, 180, [40 + 50 * i, 90, 160])) })
      return ((await response.json()) as { url: string }).url
    }),
  )
  const shots = readAllRecords(client.doc).filter((r): r is TLShotShape => pictured.includes(r.id))
  client.doc.transact(() =>
    putRecords(
      client.doc,
      shots.map((shot) => {
        const i = pictured.indexOf(shot.id)
        return { ...shot, props: { ...shot.props, media: { assetId: `asset:picture${i}` as never, src: srcs[i]!, kind: 'image' as const } } }
      }),
    ),
  )
  await expect(page.locator('.print-panel__frame > img')).toHaveCount(4)
  await expect.poll(() => held.length).toBe(4)

  // Print waits for them: the browser's print is only called once every picture is in.
  await page.evaluate(() => {
    const calls: boolean[] = []
    Object.assign(window, { printCalls: calls })
    window.print = () => void calls.push(Array.from(document.querySelectorAll<HTMLImageElement>('.print-sheet img')).every((img) => img.complete && img.naturalWidth > 0))
  })
  const printCalls = () => page.evaluate(() => (window as unknown as { printCalls: boolean[] }).printCalls)
  await page.getByRole('button', { name: 'Print…' }).click()
  await expect(page.getByRole('status')).toHaveText('Loading 4 pictures…')
  await expect(page.getByRole('button', { name: 'Print…' })).toBeDisabled()
  expect(await printCalls()).toEqual([])
  for (const route of held) await route.continue()
  await expect.poll(printCalls).toEqual([true])
  await expect(page.getByRole('button', { name: 'Print…' })).toBeEnabled()
  await page.unroute('**/api/boards/*/assets/*')

  // One panel a row (kept in the address, so a reload keeps it), without dialogue.
  await page.getByLabel('Panels per row').selectOption('1')
  await page.getByRole('checkbox', { name: 'Dialogue' }).uncheck()
  await expect(page).toHaveURL(/per-row=1/)
  await page.reload()
  await expect(page.getByLabel('Panels per row')).toHaveValue('1', { timeout: 60_000 })
  await expect(page.locator('.print-row').first().getByTestId('print-panel')).toHaveCount(1)
  await expect(page.locator('.print-panel__dialogue')).toHaveCount(0)
  await expect(page.locator('.print-panel__frame > img')).toHaveCount(4)
  await expect.poll(() => page.locator('.print-panel__frame > img').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete))).toBe(true)

  // Printed: the options bar is not on paper, the pages are landscape, no panel is cut across two
  // pages and each scene's heading is on the page of its first panel (read from the tagged PDF:
  // a panel is an <article>; rows of about two fifths of a page do not all fit where they fall).
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('toolbar', { name: 'Print options' })).toBeHidden()
  await page.screenshot({ path: test.info().outputPath('print-media.png'), fullPage: true })
  const landscape = await page.pdf({ format: 'A4', preferCSSPageSize: true, tagged: true })
  expect(expectWholePanels(landscape, 'landscape', 5)).toBeGreaterThan(2)
  expectOwnFoot(landscape, 'Lumen spot')

  await page.emulateMedia({ media: 'screen' })
  await page.getByLabel('Pages').selectOption('portrait')
  await page.emulateMedia({ media: 'print' })
  const portrait = await page.pdf({ format: 'A4', preferCSSPageSize: true, tagged: true })
  expectWholePanels(portrait, 'portrait', 5)
  expectOwnFoot(portrait, 'Lumen spot')
  client.destroy()
})

/** A board named `name` with one scene of two shots, written over sync: "Sunrise" and one without a title. */
async function boardWithUntitledShot(serverUrl: string, name: string): Promise<string> {
  const boardId = await createBoard(serverUrl, name)
  const client = connectClient(syncUrlOf(serverUrl), boardId)
  await client.synced()
  const parentId = pagesOf(client.doc)[0]!.id as never
  const scene = createScene({ order: 'a1' as never, name: 'Opening' })
  const shots = ['Sunrise', ''].map((title, i) => createShotShape({ parentId, index: 'a1' as never, x: i * 400, props: { sceneId: scene.id, order: `a${i + 1}` as never, title } }))
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots]))
  client.destroy()
  return boardId
}

test('the print view and Present follow a rename made while they are open, and call a shot without a title "Untitled shot" as the canvas does', async ({ newPerson, server }) => {
  const boardId = await boardWithUntitledShot(server.url, 'Pitch')
  const print = await newPerson()
  await print.goto(`${server.url}/b/${boardId}/print`)
  await expect.poll(() => printedScenes(print), { timeout: 30_000 }).toEqual([['1Opening2 shots · 6s', ['1.1 Sunrise', '1.2 Untitled shot']]])
  await expect(print.locator('.print-sheet__title')).toHaveText('Pitch')
  const present = await newPerson()
  await present.goto(`${server.url}/b/${boardId}/present`)
  await expect(present.locator('.presentation__title')).toHaveText('Pitch', { timeout: 30_000 })
  await present.getByRole('button', { name: 'Grid' }).click()
  await expect(present.locator('.presentation-grid__title')).toHaveText(['Sunrise', 'Untitled shot'])

  const renamed = await fetch(`${server.url}/api/boards/${boardId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Pitch, final' }) })
  expect(renamed.status).toBe(200)
  await expect(print.locator('.print-sheet__title bdi')).toHaveText('Pitch, final')
  await expect(print).toHaveTitle(`${isolatedName('Pitch, final')} – Storyboard`)
  await expect(present.locator('.presentation__title bdi')).toHaveText('Pitch, final')
  // Printed, the foot says the new name too.
  await print.emulateMedia({ media: 'print' })
  expectOwnFoot(await print.pdf({ format: 'A4', preferCSSPageSize: true }), 'Pitch, final')
})

test('a shot\'s camera-move arrow and subject path print over its frame, as vectors inside the frame\'s box; "Motion arrows" unticked prints none', async ({ newPerson, server }) => {
  const { boardId, page } = await onePersonOnBoard(newPerson, server.url, 'Harbour chase')
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(560, 400)
  await expect.poll(async () => (await shotsOnPage(page)).length).toBe(1)
  // A pan to the right, then a subject's path, drawn with the camera-move tool (M) on the shot.
  const palette = page.getByTestId('camera-move-palette')
  await page.keyboard.press('Escape')
  await page.keyboard.press('m')
  await palette.getByRole('button', { name: 'Pan', exact: true }).click()
  await drag(page, [{ x: 500, y: 390 }, { x: 640, y: 390 }])
  await page.keyboard.press('Escape')
  await page.keyboard.press('m')
  await palette.getByRole('button', { name: 'Subject path' }).click()
  await drag(page, [{ x: 520, y: 420 }, { x: 580, y: 380 }, { x: 620, y: 430 }])
  await expect.poll(async () => (await shapesOnPage(page)).filter((s) => (s.type as string) === 'motion').map((s) => (s.props as { kind: string }).kind)).toEqual(['pan', 'subject'])

  const print = await newPerson()
  await print.goto(`${server.url}/b/${boardId}/print`)
  const panel = print.getByTestId('print-panel')
  const arrows = panel.getByTestId('print-arrows')
  await expect(arrows.locator('.motion-annotation')).toHaveCount(2, { timeout: 30_000 })
  expect(await arrows.locator('.motion-annotation').evaluateAll((layers) => layers.map((g) => g.getAttribute('data-motion-kind')))).toEqual(['pan', 'subject'])
  await expect(arrows.locator('.motion-annotation__label')).toHaveText([/^PAN · /u, /^SUBJECT · /u])
  // Drawn in the frame (its inner box: inside the 1pt border), the ink of both inside it.
  const frame = await settledBox(panel.locator('.print-panel__frame'))
  const svg = (await arrows.boundingBox())!
  const inside = (box: { x: number; y: number; width: number; height: number }) =>
    box.width > 0 && box.x >= frame.x - 0.5 && box.y >= frame.y - 0.5 && box.x + box.width <= frame.x + frame.width + 0.5 && box.y + box.height <= frame.y + frame.height + 0.5
  expect(inside(svg), JSON.stringify({ svg, frame })).toBe(true)
  expect(svg.width).toBeGreaterThan(frame.width - 4)
  for (const ink of await arrows.locator('.motion-annotation__ink').all()) expect(inside((await ink.boundingBox())!)).toBe(true)

  // Unticked, the frame is printed without them; the address keeps the choice over a reload.
  await print.getByRole('checkbox', { name: 'Motion arrows' }).uncheck()
  await expect(arrows).toHaveCount(0)
  await expect(print).toHaveURL(/[?&]arrows=0\b/u)
  await print.reload()
  await expect(panel).toHaveCount(1, { timeout: 30_000 })
  await expect(print.getByRole('checkbox', { name: 'Motion arrows' })).not.toBeChecked()
  await expect(arrows).toHaveCount(0)
})

test('an Arabic board name is isolated in the print view\'s tab title, and Save as PDF is offered the name without the isolates', async ({ newPerson, server }) => {
  const name = 'مشهد ١'
  const boardId = await boardWithUntitledShot(server.url, name)
  const print = await newPerson()
  await print.goto(`${server.url}/b/${boardId}/print`)
  await expect.poll(() => printedScenes(print), { timeout: 30_000 }).toHaveLength(1)
  // Set apart (U+2068…U+2069), the right-to-left name no longer carries " – Storyboard" to its side.
  await expect(print).toHaveTitle(`${isolatedName(name)} – Storyboard`)
  // Chromium names the PDF after the title and makes the isolates "_" there: while printing, the title is the plain name.
  await print.evaluate(() => window.addEventListener('beforeprint', () => ((window as { printedTitle?: string }).printedTitle = document.title)))
  await print.emulateMedia({ media: 'print' })
  await print.pdf({ format: 'A4', preferCSSPageSize: true })
  expect(await print.evaluate(() => (window as { printedTitle?: string }).printedTitle)).toBe(`${name} – Storyboard`)
  await expect(print).toHaveTitle(`${isolatedName(name)} – Storyboard`) // and isolated again after
})

test('on a phone the preview is as wide as the screen, not the paper, and the storyboard prints as on a computer', async ({ newPerson, server }) => {
  const boardId = await boardWithUntitledShot(server.url, 'Pitch')
  const page = await newPerson()
  await page.goto(`${server.url}/b/${boardId}/print`)
  await expect.poll(() => printedScenes(page), { timeout: 30_000 }).toHaveLength(1)
  const pdfOf = async () => {
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, tagged: true })
    await page.emulateMedia({ media: 'screen' })
    return { pages: pdfPages(pdf), elements: pdfElements(pdf), margins: pdfPageMargins(pdf), texts: pdfPageTexts(pdf) }
  }
  const onComputer = await pdfOf()

  for (const orientation of ['landscape', 'portrait'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByLabel('Pages').selectOption(orientation)
    await page.setViewportSize({ width: 390, height: 664 })
    const sheet = page.getByTestId('print-sheet')
    // The page of the preview is whole on the screen: nothing to scroll sideways to.
    await expect.poll(() => page.locator('.print-page').evaluate((el) => el.scrollWidth - el.clientWidth), orientation).toBe(0)
    const box = (await sheet.boundingBox())!
    expect(box.x, orientation).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, orientation).toBeLessThanOrEqual(390)
    expect(box.width, `${orientation}: the page is no narrower than it need be`).toBeGreaterThan(390 * 0.9)
    await page.screenshot({ path: test.info().outputPath(`phone-${orientation}.png`) })
  }
  await page.getByLabel('Pages').selectOption('landscape')
  expect(await pdfOf(), 'printed from the phone').toEqual(onComputer)
})

test.describe('with accounts', () => {
  test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

  test('a viewer prints the board from its menu; someone not on the board gets the board’s refusal', async ({ newPerson, server }) => {
    const { owner, viewer, boardId } = await boardWithViewer(server.url, 'Pitch')
    const stranger = await signUp(server.url, 'Cara')

    // The owner's client writes a scene with one shot.
    const client = connectClient(syncUrlOf(server.url), boardId, { headers: { cookie: owner.cookie } })
    await client.synced()
    const scene = createScene({ order: 'a1' as never, name: 'Opening' })
    const shot = createShotShape({ parentId: pagesOf(client.doc)[0]!.id as never, index: 'a1' as never, props: { sceneId: scene.id, title: 'Sunrise' } })
    client.doc.transact(() => putRecords(client.doc, [scene, shot]))
    client.destroy()

    const ben = await signedInPage(newPerson, server.url, viewer.cookie)
    await ben.goto(`${server.url}/b/${boardId}`)
    await expectCanvasReady(ben)
    await ben.getByTestId('main-menu.button').click()
    await ben.getByRole('menuitem', { name: 'Print storyboard…' }).click()
    await expect.poll(() => printedScenes(ben), { timeout: 30_000 }).toEqual([['1Opening1 shot · 3s', ['1.1 Sunrise']]])

    const cara = await signedInPage(newPerson, server.url, stranger.cookie)
    await cara.goto(`${server.url}/b/${boardId}/print`)
    await expect(cara.getByRole('heading', { name: 'You don’t have access to this board' })).toBeVisible({ timeout: 30_000 })
    await expect(cara.getByTestId('print-sheet')).toHaveCount(0)
  })

  test('an art director prints one artist their pages: Shots for Ben shows only his shots, under the board\'s numbers, each "Assigned to Ben"; an address for someone with no shots shows everyone\'s and says so', async ({
    newPerson,
    server,
  }) => {
    const ada = await signUp(server.url, 'Ada')
    const boardId = ((await (await ada.api.api.boards.$post({ json: { name: 'Split the board' } })).json()) as { id: string }).id
    const invite = await ada.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role: 'editor' } })
    const ben = await signUp(server.url, 'Ben')
    expect((await ben.api.api.invites.accept.$post({ json: (await invite.json()) as { token: string } })).status).toBe(200)
    const { members } = (await (await ada.api.api.boards[':boardId'].members.$get({ param: { boardId } })).json()) as { members: { userId: string; name: string }[] }
    const idOf = (name: string) => members.find((m) => m.name === name)!.userId

    // Three scenes; Ada draws the kettle and the bus, Ben the toast and the roses; the street's bus stop is nobody's yet.
    const client = connectClient(syncUrlOf(server.url), boardId, { headers: { cookie: ada.cookie } })
    await client.synced()
    const pageId = pagesOf(client.doc)[0]!.id as never
    const scenes = ['Kitchen', 'Street', 'Garden'].map((name, i) => createScene({ order: `a${i + 1}` as never, name }))
    const shot = (scene: number, order: string, title: string, assignee: string | null) =>
      createShotShape({ parentId: pageId, index: 'a1' as never, x: 400 * scene, y: 0, props: { sceneId: scenes[scene]!.id, order: order as never, title, assigneeId: assignee && idOf(assignee) } })
    const shots = [shot(0, 'a1', 'Kettle', 'Ada'), shot(0, 'a2', 'Toast', 'Ben'), shot(1, 'a1', 'Bus', 'Ada'), shot(1, 'a2', 'Bus stop', null), shot(2, 'a1', 'Roses', 'Ben')]
    client.doc.transact(() => putRecords(client.doc, [...scenes, ...shots]))
    client.destroy()

    const director = await signedInPage(newPerson, server.url, ada.cookie)
    await director.goto(`${server.url}/b/${boardId}/print`)
    await expect.poll(() => printedScenes(director), { timeout: 30_000 }).toHaveLength(3)
    await expect(director.getByTestId('print-panel-assignee')).toHaveCount(0) // not unless asked
    const shotsFor = director.getByLabel('Shots for')
    await expect(shotsFor.getByRole('option')).toHaveText(['Everyone', 'Ada', 'Ben', 'Nobody (unassigned)'])
    await shotsFor.selectOption({ label: 'Ben' })
    await director.getByRole('checkbox', { name: 'Assigned to' }).check()

    // Only Ben's shots, numbered as on the board; the street, where he has none, is left out.
    await expect.poll(() => printedScenes(director)).toEqual([
      ['1Kitchen1 shot · 3s', ['1.2 Toast']],
      ['3Garden1 shot · 3s', ['3.1 Roses']],
    ])
    await expect(director.getByTestId('print-panel-assignee')).toHaveText(['Assigned to Ben', 'Assigned to Ben'])
    await expect(director.getByTestId('print-shots-for')).toHaveText('Shots for Ben')
    // The tab's title, after which Save as PDF names the file, says whose they are: each artist's PDF has its own name.
    await expect(director).toHaveTitle(`${isolatedName('Split the board')} – Shots for ${isolatedName('Ben')}`)
    await expect(director.locator('.print-sheet__meta')).toContainText('2 of 5 shots')
    await expect(director).toHaveURL(new RegExp(`[?&]for=${idOf('Ben')}(&|$)`, 'u'))

    // The address kept: opened again (Ben's own copy of it), it prints the same.
    const artist = await signedInPage(newPerson, server.url, ben.cookie)
    await artist.goto(director.url())
    await expect.poll(() => printedScenes(artist), { timeout: 30_000 }).toEqual([
      ['1Kitchen1 shot · 3s', ['1.2 Toast']],
      ['3Garden1 shot · 3s', ['3.1 Roses']],
    ])
    await expect(artist.getByTestId('print-panel-assignee')).toHaveText(['Assigned to Ben', 'Assigned to Ben'])

    // An address for someone with no shots here: every shot, and a note saying why, not a blank page.
    await artist.goto(`${server.url}/b/${boardId}/print?for=someone_gone_0001`)
    await expect(artist.getByTestId('print-shots-for-unknown')).toContainText('everyone’s shots are shown')
    await expect.poll(() => printedScenes(artist), { timeout: 30_000 }).toHaveLength(3)
    await expect(artist.getByTestId('print-panel')).toHaveCount(5)
    await expect(artist.getByLabel('Shots for')).toHaveValue('everyone:')
    await expect(artist).toHaveTitle(`${isolatedName('Split the board')} – Storyboard`)
  })
})
