import { readFile, writeFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { readAllRecords } from '@storyloom/shared/doc/boardDoc'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardUrl, createBoard, twoPeopleOnBoard } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { boardUnderReview } from './support/reviewBoard'
import { dropFiles } from './support/media'
import { adaOnNewBoard, expectStripNumbers, openBoardWithStrip, stripCard, stripOrder } from './support/sequenceStrip'
import { pagesOf } from '../support/boardFixtures'
import { makePng } from '../support/makePng'
import { makeWav } from '../support/makeWav'
import { connectClient, syncUrlOf, writeRecords } from '../support/syncClient'

test.setTimeout(180_000)

/** Opens the main menu's Shot plan submenu and picks one of its items. */
async function shotPlanMenu(page: Page, item: 'export-shot-plan' | 'export-shot-list' | 'import-shot-plan' | 'import-screenplay' | 'import-frames'): Promise<void> {
  await page.getByTestId('main-menu.button').click()
  await page.getByTestId('main-menu-sub.shot-plan-button').click()
  await page.getByTestId(`main-menu.${item}`).click()
}

/** Exports from the menu and returns the downloaded file's name and text. */
async function exportFile(page: Page, item: 'export-shot-plan' | 'export-shot-list'): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), shotPlanMenu(page, item)])
  return { name: download.suggestedFilename(), text: await downloadText(download) }
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path()
  return readFile(path, 'utf8')
}

/** Imports a file from the menu (a shot plan unless told), through the browser's own file chooser. */
async function importFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
  item: 'import-shot-plan' | 'import-screenplay' = 'import-shot-plan',
): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), shotPlanMenu(page, item)])
  await chooser.setFiles(file)
}

async function shotCount(page: Page): Promise<number> {
  return (await shotsOnPage(page)).length
}

const toast = (page: Page) => page.locator('.tlui-toast__container')

/**
 * Closes the toast on screen. One that is not kept open (a success) closes itself after a few
 * seconds, which on a loaded machine can come before this step: then there is nothing to click.
 */
async function closeToast(page: Page): Promise<void> {
  const close = page.locator('.tlui-toast__close').first()
  if (await close.isVisible()) await close.click({ timeout: 5_000 }).catch(() => undefined)
  await expect(toast(page)).toHaveCount(0)
}

test('a shot plan exports, imports into a new board, exports again byte for byte; undo and bad files', async ({ newPerson, server }, testInfo) => {
  // A board with a storyboard on it, written by another client: letter numbering at 25 fps,
  // two scenes and a shot in no scene (numbered 0A: under scene 0, which no scene is), with
  // every kind of field filled in.
  const sourceId = await createBoard(server.url, 'Harbour Chase!')
  const client = connectClient(syncUrlOf(server.url), sourceId)
  await client.synced()
  const pageId = pagesOf(client.doc)[0]!.id as never
  const opening = createScene({ order: 'a1' as never, name: 'Opening', slugline: 'EXT. HARBOUR – DAWN', timeOfDay: 'dawn' })
  const chase = createScene({ order: 'a2' as never, name: 'The chase', color: 'red' })
  const shot = (index: string, x: number, props: Parameters<typeof createShotShape>[0]['props']) =>
    createShotShape({ parentId: pageId, index: index as never, x, y: 40, props })
  writeRecords(
    client,
    createBoardSettings({ numbering: 'letter', fps: 25 }),
    opening,
    chase,
    shot('a1', 0, { sceneId: opening.id, order: 'a1' as never, title: 'Arrival', action: 'Boat, "Marie", arrives', duration: 2.5 }),
    shot('a2', 400, {
      sceneId: opening.id,
      order: 'a2' as never,
      dialogue: 'MARIE (V.O.): Home,\nat last.',
      camera: { shotSize: 'ecu', angle: 'dutch', lensMm: 85, movement: 'dolly-in' },
      status: 'approved',
      transitionIn: 'dissolve',
    }),
    shot('a3', 800, { sceneId: chase.id, order: 'a1' as never, action: '=SUM(A1)', aspect: '2.39:1', w: 478, h: 200 }),
    shot('a4', 1200, { sceneId: null, order: 'a1' as never, duration: 0.04 }),
  )
  client.destroy()

  const ada = await newPerson()
  await openBoardWithStrip(ada, boardUrl(server.url, sourceId))
  await expectStripNumbers(ada, ['1A', '1B', '2A', '0A'])

  const original = await exportFile(ada, 'export-shot-plan')
  expect(original.name).toBe('harbour-chase.shot-plan.json')
  const plan = JSON.parse(original.text) as { settings: unknown; shots: { title: string }[] }
  expect(plan.settings).toEqual({ numbering: 'letter', fps: 25, defaultAspect: '16:9' })
  expect(plan.shots.map((s) => s.title)[0]).toBe('Arrival')

  const list = await exportFile(ada, 'export-shot-list')
  expect(list.name).toBe('harbour-chase.shot-list.csv')
  // UTF-8 with its byte order mark, so Excel opening the file shows the heading's dash as written, not "â€“".
  expect(list.text.startsWith('\uFEFF')).toBe(true)
  expect(list.text.slice(1).split('\r\n').slice(0, 3)).toEqual([
    'Scene,Scene heading,Shot,Title,Size,Angle,Lens,Movement,Duration,Frames,Action,Dialogue,Transition,Transition frames,Assigned to,Review,Sound,Sound length (s),Sound volume (%)',
    // 2.5 s is 62.5 frames at 25 fps: the shot list says 63 frames and 2.52 s, which add up. No sound: the last three blank.
    '1,EXT. HARBOUR – DAWN,1A,Arrival,MS,Eye level,,Static,2.52,63,"Boat, ""Marie"", arrives",,Cut,,,,,,',
    // The usual half-second dissolve: 12.5 frames at 25 fps, made 13.
    '1,EXT. HARBOUR – DAWN,1B,,ECU,Dutch (canted),85mm,Dolly in,3,75,,"MARIE (V.O.): Home,\nat last.",Dissolve,13,,,,,',
  ])
  // The shot in no scene: no scene number or heading, and numbered as on the board.
  expect(list.text.split('\r\n')[4]).toMatch(/^,,0A,/)

  // Into a new board: the same storyboard, and the same file when exported again.
  const targetUrl = boardUrl(server.url, await createBoard(server.url, 'Harbour Chase!'))
  await openBoardWithStrip(ada, targetUrl)
  const planFile = { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(original.text) }
  await importFile(ada, planFile)
  await expect(toast(ada)).toContainText('Imported 4 shots in 2 scenes')
  await expectStripNumbers(ada, ['1A', '1B', '2A', '0A'])
  expect((await exportFile(ada, 'export-shot-plan')).text).toBe(original.text)

  // One undo takes the whole import back; redo brings it again.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => shotCount(ada)).toBe(0)
  await ada.keyboard.press('Control+Shift+z')
  await expect.poll(() => shotCount(ada)).toBe(4)

  // Importing the same plan again changes nothing: every shot is updated in place.
  await importFile(ada, planFile)
  await expect(toast(ada)).toContainText('0 new, 4 updated')

  // Bad files are refused with a message, and the board is left as it was.
  const refusals: [string, Buffer, RegExp][] = [
    ['broken.json', Buffer.from('{"format": "storyloom.shot-plan", '), /not valid JSON/],
    ['other.json', Buffer.from('{"hello": 1}'), /not a Storyloom shot plan/],
    [
      'negative.json',
      Buffer.from(original.text.replace('"duration": 2.5', '"duration": -2')),
      /shots\[0\]\.duration: must be more than 0 seconds/,
    ],
    ['huge.json', Buffer.alloc(50 * 1024 * 1024, 0x20), /too large to be a shot plan \(50 MB/],
    // The shot list as European Excel saves it again (byte order mark, semicolons): named as a spreadsheet.
    ['shot-list.csv', Buffer.from(list.text.replaceAll(',', ';')), /This is a spreadsheet \(CSV\).*import the JSON shot plan/],
    ['empty.json', Buffer.alloc(0), /The file is empty/],
    ['picture.json', Buffer.from(makePng(8, 8, 1)), /This file is not text \(it holds binary data\)/],
  ]
  for (const [name, buffer, message] of refusals) {
    await closeToast(ada)
    // Playwright hands files over 50 MB to the browser only from disk.
    const path = testInfo.outputPath(name)
    await writeFile(path, buffer)
    await importFile(ada, path)
    await expect(toast(ada)).toContainText(`Couldn't import ${isolatedName(name)}; the board is unchanged`)
    await expect(toast(ada)).toContainText(message)
  }
  expect(await shotCount(ada)).toBe(4)

  // The plan saved again as UTF-16 ("Unicode" in Windows Notepad) reads as written.
  await closeToast(ada)
  await importFile(ada, { name: 'plan-unicode.json', mimeType: 'application/json', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original.text, 'utf16le')]) })
  await expect(toast(ada)).toContainText('0 new, 4 updated')

  // What was imported is on the server: a reload (and another person) export the same file.
  const ben = await newPerson()
  await openBoardWithStrip(ben, targetUrl)
  await expectStripNumbers(ben, ['1A', '1B', '2A', '0A'])
  expect((await exportFile(ben, 'export-shot-plan')).text).toBe(original.text)
})

test("the CSV shot list's Review column says what a client decided on a review link; its Sound columns name the shot's sound, its length and Volume", async ({ newPerson, server }) => {
  test.setTimeout(150_000)
  const { editor, path, reviewer, shotId } = await boardUnderReview(newPerson, server.url, 'Verdicts', { title: 'Door', dialogue: 'Knock.' })
  await reviewer.goto(server.url + path)
  await reviewer.getByLabel('Your name').fill('Kim', { timeout: 45_000 })
  await reviewer.getByRole('button', { name: 'Request changes' }).click()
  await expect(editor.getByTestId('shot-review-badge')).toHaveAttribute('data-verdict', 'changes-requested')

  // A scratch line at 40 %, whose name a spreadsheet would take for a formula.
  await editor.evaluate((id) => {
    ;(window as unknown as { editor: { select(id: string): unknown } }).editor.select(id)
  }, shotId)
  const sound = editor.getByTestId('shot-inspector').getByRole('group', { name: 'Sound' })
  await sound.getByLabel('Sound file').setInputFiles({ name: '-line 12.wav', mimeType: 'audio/wav', buffer: Buffer.from(makeWav(2.5)) })
  await expect(sound.getByTestId('shot-sound-name')).toHaveText('-line 12.wav · 2.5 s')
  await sound.getByRole('textbox', { name: 'Volume (%)' }).fill('40')
  await sound.getByRole('textbox', { name: 'Volume (%)' }).press('Enter')
  await expect(sound.getByRole('slider', { name: 'Volume' })).toHaveValue('40')

  const list = await exportFile(editor, 'export-shot-list')
  const [header, row] = list.text.split('\r\n')
  expect(header).toMatch(/,Review,Sound,Sound length \(s\),Sound volume \(%\)$/)
  expect(row).toMatch(/^,,1,Door,.*,Changes requested,'-line 12\.wav,2\.5,40$/)
})

test('a Fountain screenplay imports as scenes and shots in the strip, in one undo step; a text with nothing to board is refused; a Final Draft file imports too', async ({ newPerson, server }) => {
  const ada = await newPerson()
  const boardId = await createBoard(server.url, 'The Quay')
  await openBoardWithStrip(ada, boardUrl(server.url, boardId))
  const screenplay = [
    'Title: The Quay',
    'INT. KITCHEN - NIGHT',
    'Mary opens the *door*. Rain blows in.',
    'MARY\n(quietly)\nYou came back.',
    'DISSOLVE TO:',
    'EXT. QUAY - DAWN',
    'Gulls wheel over the empty quay.',
    'TOM\nShe never came back here. Not once, in all those years, not even for the funeral.',
    // Dual dialogue: said at the same time as Tom's line.
    'ANN ^\nHe came back every spring to see it, and every spring the quay was empty.',
  ].join('\n\n')
  await importFile(ada, { name: 'the-quay.fountain', mimeType: 'text/plain', buffer: Buffer.from(screenplay) }, 'import-screenplay')
  await expect(toast(ada)).toContainText('Imported 2 shots in 2 scenes')
  await expectStripNumbers(ada, ['1.1', '2.1'])
  await expect(ada.getByTestId('sequence-strip')).toContainText('INT. KITCHEN - NIGHT')
  await expect(ada.getByTestId('sequence-strip')).toContainText('EXT. QUAY - DAWN')
  const props = (await shotsOnPage(ada)).map((shape) => shape.props as { title: string; action: string; dialogue: string; transitionIn: string; duration: number })
  expect(props.map(({ title, action, dialogue, transitionIn, duration }) => ({ title, action, dialogue, transitionIn, duration })).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
    { title: 'Gulls wheel over the empty quay.', action: 'Gulls wheel over the empty quay.', dialogue: 'TOM: She never came back here. Not once, in all those years, not even for the funeral.\nANN ^: He came back every spring to see it, and every spring the quay was empty.', transitionIn: 'dissolve', duration: 7 },
    { title: 'Mary opens the door.', action: 'Mary opens the door. Rain blows in.', dialogue: 'MARY: (quietly) You came back.', transitionIn: 'cut', duration: 3 },
  ])
  // The pair lasts as long as Tom's longer line (6.8 s): the strip does not call the shot too short.
  await expect(ada.getByTestId('strip-shot')).toHaveCount(2)
  await expect(ada.getByTestId('strip-shot-dialogue-short')).toHaveCount(0)

  // The team works on the kitchen shot (a title of their own, a longer duration, Mary's line reworded);
  // the writer then changes one line of it and Mary's line too, opens the kitchen with a new shot,
  // adds a scene and renames the quay. Importing that draft revises the board, keeping the team's
  // line; the new first shot takes the kitchen row's start, the kitchen shot sliding right, and the
  // new scene's row takes the quay row's place, the quay row moving down, for Ben's client too.
  const kitchen = (await shotsOnPage(ada)).find((shape) => (shape.props as { title: string }).title === 'Mary opens the door.')!
  const quay = (await shotsOnPage(ada)).find((shape) => (shape.props as { title: string }).title === 'Gulls wheel over the empty quay.')!
  const ben = connectClient(syncUrlOf(server.url), boardId)
  await ben.synced()
  const kitchenId: string = kitchen.id
  await ada.evaluate((id) => {
    ;(window as unknown as { editor: { updateShapes(s: unknown[]): void } }).editor.updateShapes([{ id, type: 'shot', props: { title: 'Kitchen hero', duration: 5, dialogue: 'MARY: (softly) You came home.' } }])
  }, kitchenId)
  await closeToast(ada)
  const revised = screenplay.replace('Mary opens', 'Thunder rolls.\n\nMary opens').replace('Rain blows in.', 'Rain pours in.').replace('(quietly)\nYou came back.', '(quietly)\nYou came back at last.').replace('EXT. QUAY - DAWN', 'EXT. STREET - NIGHT\n\nA cab pulls away.\n\nEXT. PIER - DAWN')
  await importFile(ada, { name: 'the-quay-v2.fountain', mimeType: 'text/plain', buffer: Buffer.from(revised) }, 'import-screenplay')
  await expect(toast(ada)).toContainText('Updated 1 shot and 1 scene heading, added 2 shots and 1 scene.')
  await expect(toast(ada)).toContainText('Kept the words typed on the board on 1 shot the script also changed: 1.2')
  await expectStripNumbers(ada, ['1.1', '1.2', '2.1', '3.1'])
  await expect(ada.getByTestId('sequence-strip')).toContainText('EXT. STREET - NIGHT')
  // The quay scene, its shot found in the new draft, keeps it under its new heading.
  await expect(ada.getByTestId('sequence-strip')).toContainText('EXT. PIER - DAWN')
  await expect(ada.getByTestId('sequence-strip')).not.toContainText('EXT. QUAY - DAWN')
  const revisedKitchen = (await shotsOnPage(ada)).find((shape) => shape.id === kitchen.id)
  expect(revisedKitchen?.props).toMatchObject({ action: 'Mary opens the door. Rain pours in.', title: 'Kitchen hero', duration: 5, dialogue: 'MARY: (softly) You came home.' })
  const thunder = (await shotsOnPage(ada)).find((shape) => (shape.props as { action: string }).action === 'Thunder rolls.')
  expect({ x: thunder?.x, y: thunder?.y }).toEqual({ x: kitchen.x, y: kitchen.y })
  expect(revisedKitchen?.y).toBe(kitchen.y)
  expect(revisedKitchen!.x).toBeGreaterThan(kitchen.x)
  // The street scene, new between the kitchen and the pier, reads there on the canvas too.
  const cab = (await shotsOnPage(ada)).find((shape) => (shape.props as { action: string }).action === 'A cab pulls away.')!
  expect({ x: cab.x, y: cab.y }).toEqual({ x: quay.x, y: quay.y })
  const pier = (await shotsOnPage(ada)).find((shape) => shape.id === quay.id)!
  expect(pier.x).toBe(quay.x)
  expect(pier.y).toBeGreaterThan(cab.y + (cab.props as { h: number }).h)
  const placeFor = (id: string) => {
    const shape = readAllRecords(ben.doc).find((record) => record.id === id) as { x: number; y: number } | undefined
    return shape && { x: shape.x, y: shape.y }
  }
  await expect.poll(() => [placeFor(cab.id), placeFor(quay.id)]).toEqual([{ x: cab.x, y: cab.y }, { x: pier.x, y: pier.y }])
  // One undo takes the revision back, the quay row in its place again; the next the first import.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => shotCount(ada)).toBe(2)
  expect((await shotsOnPage(ada)).find((shape) => shape.id === kitchen.id)?.props).toMatchObject({ action: 'Mary opens the door. Rain blows in.' })
  expect((await shotsOnPage(ada)).find((shape) => shape.id === quay.id)).toMatchObject({ x: quay.x, y: quay.y })
  await expect.poll(() => placeFor(quay.id)).toEqual({ x: quay.x, y: quay.y })
  ben.destroy()
  await ada.keyboard.press('Control+z')
  await expect.poll(() => shotCount(ada)).toBe(0)

  await closeToast(ada)
  await importFile(ada, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('INT. NOWHERE - DAY\n') }, 'import-screenplay')
  await expect(toast(ada)).toContainText(`Couldn't import ${isolatedName('notes.txt')}; the board is unchanged`)
  await expect(toast(ada)).toContainText('No action or dialogue found')
  expect(await shotCount(ada)).toBe(0)
  // A PDF of the script, picked by mistake, is named for what it is rather than boarded as noise.
  await closeToast(ada)
  await importFile(ada, { name: 'the-quay.fountain', mimeType: 'text/plain', buffer: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n', 'latin1') }, 'import-screenplay')
  await expect(toast(ada)).toContainText('This is a PDF, not a screenplay Storyloom can read: export the script as Fountain (.fountain) or Final Draft (.fdx)')
  expect(await shotCount(ada)).toBe(0)

  // The same item reads Final Draft (told by the file's content): a shot paragraph starts a shot
  // titled with it, the action after it its action; Text runs are joined.
  await closeToast(ada)
  const paragraph = (type: string, text: string) => `<Paragraph Type="${type}"><Text>${text}</Text></Paragraph>`
  const fdx = `<?xml version="1.0" encoding="UTF-8"?><FinalDraft DocumentType="Script" Version="5"><Content>${[
    '<Paragraph Number="1" Type="Scene Heading"><Text>INT. LIGHTHOUSE - NIGHT</Text></Paragraph>',
    paragraph('Shot', 'CLOSE ON THE LAMP'),
    '<Paragraph Type="Action"><Text>It turns, </Text><Text Style="Bold">slowly</Text><Text>.</Text></Paragraph>',
    paragraph('Character', 'KEEPER'),
    paragraph('Dialogue', 'Still burning.'),
  ].join('')}</Content></FinalDraft>`
  const [chooser] = await Promise.all([
    ada.waitForEvent('filechooser'),
    (async () => {
      await ada.getByTestId('main-menu.button').click()
      await ada.getByTestId('main-menu-sub.shot-plan-button').click()
      await expect(ada.getByTestId('main-menu.import-screenplay')).toHaveText('Import screenplay…')
      await ada.getByTestId('main-menu.import-screenplay').click()
    })(),
  ])
  expect(await chooser.element().getAttribute('accept')).toContain('.fdx')
  await chooser.setFiles({ name: 'lighthouse.fdx', mimeType: 'application/octet-stream', buffer: Buffer.from(fdx) })
  await expect(toast(ada)).toContainText('Imported 1 shot in 1 scene')
  await expect(ada.getByTestId('sequence-strip')).toContainText('INT. LIGHTHOUSE - NIGHT')
  const [lamp] = await shotsOnPage(ada)
  expect(lamp?.props).toMatchObject({ title: 'CLOSE ON THE LAMP', action: 'It turns, slowly.', dialogue: 'KEEPER: Still burning.' })
})

test('frames drawn elsewhere import as one new scene of shots in natural order, each showing its picture as its first take, live for the other person; one undo takes them all back; a file that is no picture is named', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Storyboard Pro export', { open: openBoardWithStrip })
  const frame = (name: string, seed: number) => ({ name, mimeType: 'image/png', buffer: Buffer.from(makePng(64, 36, seed)) })
  const [chooser] = await Promise.all([ada.waitForEvent('filechooser'), shotPlanMenu(ada, 'import-frames')])
  expect(chooser.isMultiple()).toBe(true)
  await chooser.setFiles([
    frame('sc01_10.png', 1),
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') },
    frame('sc01_2.png', 2),
    frame('sc01_1.png', 3),
  ])
  await expect(toast(ada)).toContainText(`Imported 3 frames as shots in ${isolatedName('sc01')}`)
  await expect(toast(ada)).toContainText(`${isolatedName('notes.txt')}: not an image or clip`)

  // In the strip in natural order (2 before 10), titled from their files, for both people.
  const titlesInStrip = async (page: Page) => {
    const titles = new Map((await shotsOnPage(page)).map((shape) => [shape.id as string, (shape.props as { title: string }).title]))
    return (await stripOrder(page)).map(([id]) => titles.get(id))
  }
  for (const page of [ada, ben]) {
    await expectStripNumbers(page, ['1.1', '1.2', '1.3'])
    await expect.poll(() => titlesInStrip(page)).toEqual(['sc01_1', 'sc01_2', 'sc01_10'])
  }
  await expect(ada.getByTestId('sequence-strip')).toContainText('sc01')

  // Each shot shows its picture on the canvas.
  const shotIds = (await stripOrder(ada)).map(([id]) => id)
  for (const id of shotIds) {
    const picture = ada.locator(`.tl-shape[data-shape-id="${id}"] img.shot-panel__media`)
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64)
  }

  // Its Versions panel shows that picture as its one take.
  await stripCard(ben, shotIds[2]!).click()
  await ben.getByTestId('version-panel-toggle').click()
  await expect(ben.getByTestId('version-node')).toHaveCount(1)
  await expect(ben.getByTestId('version-panel')).toContainText('1 take')

  // One undo takes all three back, for both.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => shotCount(ada)).toBe(0)
  await expect.poll(() => shotCount(ben)).toBe(0)

  // When every file is refused, the board is left as it was.
  await closeToast(ada)
  const [again] = await Promise.all([ada.waitForEvent('filechooser'), shotPlanMenu(ada, 'import-frames')])
  await again.setFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') }])
  await expect(toast(ada)).toContainText("Couldn't import 1 file; the board is unchanged")
  await expect(toast(ada)).toContainText(`${isolatedName('notes.txt')}: not an image or clip`)
  expect(await shotCount(ada)).toBe(0)
})

test('pictures dropped together on empty canvas become one new scene of shots from the toast (reached by keyboard), natural order, each its shot’s one take from the same upload; one undo gives the pictures back', async ({ newPerson, server }) => {
  const ada = await adaOnNewBoard(newPerson, server.url, 'Dropped frames')
  const frame = (name: string, seed: number) => ({ name, mimeType: 'image/png', buffer: Buffer.from(makePng(64, 36, seed)) })
  await dropFiles(ada, [frame('sc02_10.png', 1), frame('sc02_2.png', 2), frame('sc02_1.png', 3)], { x: 640, y: 300 })
  await expect(toast(ada)).toContainText('Placed 3 pictures')
  const pictures = async () =>
    ada.evaluate(() =>
      window
        .editor!.getCurrentPageShapes()
        .filter((shape) => shape.type === 'image')
        .map((shape) => ({ id: shape.id as string, src: (window.editor!.getAsset(shape.props.assetId!)?.props as { src?: string } | undefined)?.src }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    )
  const placed = await pictures()
  expect(placed.map((picture) => picture.src)).toEqual([expect.stringMatching(/^\/api\//), expect.stringMatching(/^\/api\//), expect.stringMatching(/^\/api\//)])

  // F8 goes to the toasts, Tab to the toast, Tab to its action.
  await ada.keyboard.press('F8')
  await ada.keyboard.press('Tab')
  await ada.keyboard.press('Tab')
  await expect(ada.getByRole('button', { name: 'Make them shots' })).toBeFocused()
  await ada.keyboard.press('Enter')
  await expect(toast(ada)).toContainText(`Made 3 shots in ${isolatedName('sc02')}`)

  // One new scene in natural order, titled from the files, showing the files already uploaded; the pictures gone.
  await expectStripNumbers(ada, ['1.1', '1.2', '1.3'])
  const shots = new Map((await shotsOnPage(ada)).map((shape) => [shape.id as string, shape.props as { title: string; media: { src: string } | null }]))
  const inStrip = (await stripOrder(ada)).map(([id]) => id)
  expect(inStrip.map((id) => shots.get(id)?.title)).toEqual(['sc02_1', 'sc02_2', 'sc02_10'])
  expect(inStrip.map((id) => shots.get(id)?.media?.src).sort()).toEqual(placed.map((picture) => picture.src).sort())
  await expect(ada.getByTestId('sequence-strip')).toContainText('sc02')
  expect(await pictures()).toEqual([])

  // Each shot's Versions panel has that picture as its one take.
  await stripCard(ada, inStrip[0]!).click()
  await ada.getByTestId('version-panel-toggle').click()
  for (const id of inStrip) {
    await stripCard(ada, id).click()
    await expect(ada.getByTestId('version-node')).toHaveCount(1)
    await expect(ada.getByTestId('version-panel')).toContainText('1 take')
  }
  await ada.getByTestId('version-panel-toggle').click()

  // One undo: the three pictures back as they were, no shots.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => shotCount(ada)).toBe(0)
  expect(await pictures()).toEqual(placed)
})
