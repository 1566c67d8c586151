import type { Page } from '@playwright/test'
import type { TLShape } from '@tldraw/tlschema'
import { onePersonOnBoard, openBoard, twoPeopleOnBoard } from './support/boardPage'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { dropFile, type TestFile } from './support/media'
import { solidPng } from './support/pngImage'
import { pickRoleOnCanvas, roleMenu, roleTag } from './support/referenceTags'
import { selectedIds } from './support/sequenceStrip'
import { selectShot } from './support/shotVersions'
import { drag, type Point } from './support/drawing'

type Binding = { id: string; type: string; fromId: string; toId: string; props: { role?: string } }

/** The storyboard bindings (references and annotations) on a page's board. */
function bindings(page: Page, type: 'reference' | 'annotation'): Promise<Binding[]> {
  return page.evaluate((t) => {
    const editor = window.editor as unknown as { store: { allRecords(): { typeName: string }[] } }
    return editor.store.allRecords().filter((r) => r.typeName === 'binding' && (r as unknown as Binding).type === t) as unknown as Binding[]
  }, type)
}

async function shapesOfType(page: Page, type: string): Promise<TLShape[]> {
  return (await shapesOnPage(page)).filter((s) => (s.type as string) === type)
}

/** Places a shot with the shot tool, centred at `at`; returns it once created. */
async function placeShot(page: Page, at: Point): Promise<TLShape> {
  const before = (await shapesOfType(page, 'shot')).length
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(at.x, at.y)
  await expect.poll(async () => (await shapesOfType(page, 'shot')).length).toBe(before + 1)
  return (await shapesOfType(page, 'shot')).at(-1)!
}

test('a reference dropped on a shot and a camera move drawn on it show for everyone, follow the shot, and survive a reload', async ({ newPerson, server }) => {
  const { url, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Night market')

  const shot = await placeShot(ada, { x: 560, y: 400 })

  // Ada drops a character sheet on the shot's frame: it goes beside the shot, pinned to it as a style reference.
  const sheet: TestFile = { name: 'mei character sheet.png', mimeType: 'image/png', buffer: solidPng(160, 120, [214, 72, 15]) }
  await dropFile(ada, sheet, { x: 560, y: 380 })
  await expect.poll(() => bindings(ben, 'reference')).toEqual([
    expect.objectContaining({ toId: shot.id, props: { role: 'style' } }),
  ])
  const [reference] = await bindings(ben, 'reference')
  const image = (await shapesOfType(ben, 'image')).find((s) => s.id === reference!.fromId)!
  expect(image.x).toBeGreaterThan(shot.x + (shot.props as { w: number }).w)
  const benTag = roleTag(ben, image.id)
  await expect(benTag).toHaveText('Style')

  // One click on its tag and one on a role, and it is the character reference — for Ben too.
  await pickRoleOnCanvas(ada, 'Character', image.id)
  await expect(benTag).toHaveText('Character')
  await expect(ada.getByTestId('shot-references')).toContainText('References (1)')

  // Ada puts a truck left on the shot: the camera-move tool (M), Truck, drag leftwards on the frame.
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.getByTestId('camera-move-palette').getByRole('button', { name: 'Truck' }).click()
  await drag(ada, [{ x: 620, y: 380 }, { x: 520, y: 385 }])
  await expect.poll(() => shapesOfType(ben, 'motion')).toEqual([
    expect.objectContaining({ props: expect.objectContaining({ kind: 'truck-left', direction: 180 }) }),
  ])
  await expect(ben.locator('.shot-panel')).toContainText('Truck left')
  // The move is selected in Ada's inspector: she makes it fast.
  const motionInspector = ada.getByTestId('motion-inspector')
  await expect(motionInspector).toContainText('on shot 1')
  // The sliders are named by their field alone; the value they show beside it is their value text.
  const speed = motionInspector.getByRole('slider', { name: 'Speed', exact: true })
  await expect(speed).toHaveAttribute('aria-valuetext', 'Medium')
  await expect(motionInspector.getByRole('slider', { name: 'Strength', exact: true })).toHaveAttribute('aria-valuetext', '50%')
  await speed.fill('1')
  await expect(speed).toHaveAttribute('aria-valuetext', 'Fast')
  await expect.poll(async () => (await shapesOfType(ben, 'motion'))[0]!.props).toMatchObject({ speed: 1 })

  // And the subject's path through the frame.
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.getByTestId('camera-move-palette').getByRole('button', { name: 'Subject path' }).click()
  await drag(ada, [{ x: 480, y: 430 }, { x: 540, y: 360 }, { x: 640, y: 340 }])
  await expect.poll(async () => (await shapesOfType(ben, 'motion')).length).toBe(2)
  const subject = (await shapesOfType(ben, 'motion')).find((s) => (s.props as { kind: string }).kind === 'subject')!
  const path = (subject.props as { path: Point[] }).path
  expect(path.length).toBeGreaterThanOrEqual(3)
  for (const p of path) {
    expect(p.x).toBeGreaterThanOrEqual(0)
    expect(p.x).toBeLessThanOrEqual(1)
  }
  await expect.poll(() => bindings(ben, 'annotation')).toHaveLength(2)

  // Ada moves the shot by its header: its reference and both annotations come along, for Ben too.
  const before = Object.fromEntries((await shapesOnPage(ben)).map((s) => [s.id, { x: s.x, y: s.y }]))
  await ada.keyboard.press('Escape')
  await drag(ada, [{ x: 500, y: 262 }, { x: 640, y: 322 }])
  const moved = (await shapesOnPage(ada)).find((s) => s.id === shot.id)!
  await expect.poll(async () => (await shapesOnPage(ben)).find((s) => s.id === shot.id)).toMatchObject({ x: moved.x, y: moved.y })
  const dx = moved.x - before[shot.id]!.x
  const dy = moved.y - before[shot.id]!.y
  expect(dx).toBeGreaterThan(50)
  for (const s of await shapesOnPage(ben)) {
    if (s.id === shot.id) continue
    expect({ id: s.id, x: s.x, y: s.y }).toEqual({ id: s.id, x: before[s.id]!.x + dx, y: before[s.id]!.y + dy })
  }

  await ada.screenshot({ path: test.info().outputPath('storyboard-references.png') })

  // Undo puts it all back in one step; redo moves it all again.
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => (await shapesOnPage(ben)).find((s) => s.id === image.id)!.x).toBe(before[image.id]!.x)
  await ada.keyboard.press('Control+Shift+z')
  await expect.poll(async () => (await shapesOnPage(ben)).find((s) => s.id === image.id)!.x).toBe(before[image.id]!.x + dx)

  // After a reload Ben finds everything: the pinned reference with its role, both annotations.
  const everything = await shapesOnPage(ben)
  await ben.reload()
  await openBoard(ben, url)
  await expect.poll(() => bindings(ben, 'reference')).toEqual([expect.objectContaining({ fromId: image.id, toId: shot.id, props: { role: 'character' } })])
  await expect.poll(async () => (await bindings(ben, 'annotation')).map((b) => b.toId)).toEqual([shot.id, shot.id])
  expect((await shapesOnPage(ben)).map((s) => s.id).sort()).toEqual(everything.map((s) => s.id).sort())
  await expect(benTag).toHaveText('Character')
  await expect(ben.locator('.motion-annotation')).toHaveCount(2)
  // A zoom below 75 % leaves the moves out only while it runs (data-zooming): at rest they are drawn.
  await ben.mouse.move(150, 450)
  await ben.keyboard.down('Control')
  while ((await ben.evaluate(() => window.editor!.getZoomLevel())) >= 0.6) await ben.mouse.wheel(0, 100)
  await ben.keyboard.up('Control')
  await expect(ben.locator('.tl-container')).not.toHaveAttribute('data-zooming')
  for (const move of await ben.locator('.motion-annotation').all()) await expect(move).toBeVisible()

  // The board's reference library lists it, with its role and shot.
  await ben.getByRole('button', { name: /^References/ }).click()
  const entry = ben.getByTestId('library-reference')
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText('Character')
  await expect(entry.getByTestId('library-reference-shots')).toHaveText('Shot 1')

  // Ada deletes the truck (clicking its label in the frame's corner): the camera line is static again.
  const shotNow = (await shapesOnPage(ada)).find((s) => s.id === shot.id)!
  await ada.keyboard.press('Escape')
  await ada.mouse.click(shotNow.x + 24, shotNow.y + 32 + 14)
  await expect(ada.getByTestId('motion-inspector')).toContainText('Camera move')
  await ada.keyboard.press('Delete')
  await expect.poll(async () => (await shapesOfType(ben, 'motion')).map((m) => (m.props as { kind: string }).kind)).toEqual(['subject'])
  await expect(ben.locator('.shot-panel')).toContainText('MS · Eye level · Static')

  // Deleting the shot takes its annotations with it; its reference stays on the board.
  await ada.mouse.click(shotNow.x + 160, shotNow.y + 16)
  await expect(ada.getByTestId('shot-inspector')).toBeVisible()
  await ada.keyboard.press('Delete')
  await expect.poll(async () => (await shapesOnPage(ben)).map((s) => s.type)).toEqual(['image'])
  expect(await bindings(ben, 'annotation')).toEqual([])
})

/** Drops a `megabytes` MB file made in the page (too big to send from the test) onto the canvas at `at`. */
async function dropHugeFile(page: Page, megabytes: number, at: Point): Promise<void> {
  await page.evaluate(
    ({ mb, x, y }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(mb * 1024 * 1024)], 'huge scan.png', { type: 'image/png' }))
      const canvas = document.querySelector('[data-testid="canvas"]')!
      for (const type of ['dragenter', 'dragover', 'drop']) {
        canvas.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true }))
      }
    },
    { mb: megabytes, x: at.x, y: at.y },
  )
}

test('one reference is reused on another shot from the library, unpinned, and outlives a deleted shot; a 50 MB drop is refused', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Harbour')

  const first = await placeShot(ada, { x: 300, y: 330 })
  const second = await placeShot(ada, { x: 300 + 560, y: 330 })
  const still: TestFile = { name: 'captain.png', mimeType: 'image/png', buffer: solidPng(120, 160, [40, 90, 200]) }
  await dropFile(ada, still, { x: 300, y: 320 })
  await expect.poll(() => bindings(ada, 'reference')).toHaveLength(1)
  const imageId = (await bindings(ada, 'reference'))[0]!.fromId
  await pickRoleOnCanvas(ada, 'Character', imageId)

  // Ada selects the second shot and attaches the captain from the library: same image, same role.
  await ada.mouse.click(300 + 560, 420)
  await expect(ada.getByTestId('shot-inspector')).toContainText('Shot 2')
  await ada.getByRole('button', { name: /^References/ }).click()
  const entry = ada.getByTestId('library-reference')
  await entry.getByRole('button', { name: 'Attach to selected shot' }).click()
  await expect(entry.getByTestId('library-reference-shots')).toHaveText('Shots 1, 2')
  await expect.poll(async () => (await bindings(ben, 'reference')).map((b) => [b.fromId, b.toId, b.props.role]).sort()).toEqual(
    [
      [imageId, first.id, 'character'],
      [imageId, second.id, 'character'],
    ].sort(),
  )
  // Ben's second shot shows it as a linked reference; the image itself still sits by shot 1.
  await expect(ben.locator(`.reference-linked[data-shot-id="${second.id}"]`)).toBeVisible()
  await expect(ben.locator(`.reference-tag[data-shot-id="${first.id}"]`)).toBeVisible()

  // Unpinned from the second shot in its inspector: the image stays, shot 1 keeps it.
  await ada.getByTestId('shot-references').getByRole('button', { name: /^Remove/ }).click()
  await expect.poll(async () => (await bindings(ben, 'reference')).map((b) => b.toId)).toEqual([first.id])
  await expect(ben.locator(`.reference-linked[data-shot-id="${second.id}"]`)).toHaveCount(0)

  // Deleting shot 1 keeps the image on the board, unpinned, listed as unused.
  await ada.mouse.click(300, 420)
  await expect(ada.getByTestId('shot-inspector')).toContainText('Shot 1')
  await ada.keyboard.press('Delete')
  await expect.poll(async () => (await shapesOnPage(ben)).map((s) => s.id)).not.toContain(first.id)
  expect(await bindings(ben, 'reference')).toEqual([])
  expect((await shapesOnPage(ben)).map((s) => s.id)).toContain(imageId)
  await expect(entry).toContainText('Not used yet')

  // A 50 MB scan dropped on the remaining shot is refused on the spot, saying why; nothing is added.
  const shapesBefore = (await shapesOnPage(ada)).length
  await dropHugeFile(ada, 50, { x: 860, y: 320 })
  const toast = ada.locator('.tlui-toast__title', { hasText: 'File size is too big' })
  await expect(toast).toBeVisible()
  await expect(ada.locator('.tlui-toast__main', { has: toast })).toContainText('25 MB')
  expect((await shapesOnPage(ada)).length).toBe(shapesBefore)
  expect(await bindings(ada, 'reference')).toEqual([])

  await ada.screenshot({ path: test.info().outputPath('reference-library.png') })
})

test('the "Reference added … As style" toast goes as soon as it no longer holds: the role changed on its tag, or the drop undone', async ({
  newPerson,
  server,
}) => {
  const { page: ada } = await onePersonOnBoard(newPerson, server.url, 'Stale toast')
  await placeShot(ada, { x: 560, y: 400 })
  const added = ada.locator('.tlui-toast__container', { hasText: 'Reference added to shot 1' })
  /**
   * Drops an image on the shot and keeps the pointer on the toast it brings, which holds it open
   * as long as Ada reads it (what follows is done from the keyboard, so the pointer stays).
   */
  const dropAndReadToast = async (name: string) => {
    await dropFile(ada, { name, mimeType: 'image/png', buffer: solidPng(160, 120, [214, 72, 15]) }, { x: 560, y: 380 })
    await expect(added).toContainText('As style; click its tag to change the role.')
    const box = (await added.boundingBox())!
    await ada.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  }

  // Ada makes the new reference a character sheet from its tag: the toast no longer says "As style".
  await dropAndReadToast('mei.png')
  await roleTag(ada).focus()
  await ada.keyboard.press('Enter')
  await roleMenu(ada).selectOption({ label: 'Character' })
  await expect(roleTag(ada)).toHaveText('Character')
  await expect(added).toHaveCount(0)

  // Another drop, undone at once: no toast about a reference that is not there.
  await dropAndReadToast('harbour.png')
  await expect.poll(() => bindings(ada, 'reference')).toHaveLength(2)
  await expect(async () => {
    await ada.keyboard.press('ControlOrMeta+z')
    expect(await bindings(ada, 'reference')).toHaveLength(1)
  }).toPass()
  await expect(added).toHaveCount(0)
})

/** Pastes `text` as the clipboard's plain text, as Ctrl+V does with a copied address. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

test('an image address or a link pasted while a shot is selected is pinned to that shot', async ({ newPerson, server }) => {
  const { url, page: ada } = await onePersonOnBoard(newPerson, server.url, 'Look book')
  const shot = await placeShot(ada, { x: 400, y: 400 })
  // The new shot is selected; the pointer rests on empty canvas.
  await ada.mouse.move(1000, 700)

  await pasteText(ada, 'https://images.example.com/moodboard/rain%20alley.jpg')
  await expect.poll(() => bindings(ada, 'reference')).toHaveLength(1)
  const [imageRef] = await bindings(ada, 'reference')
  expect(imageRef).toMatchObject({ toId: shot.id, props: { role: 'style' } })
  const src = await ada.evaluate((id) => {
    const editor = window.editor as unknown as { getShape(id: string): { props: { assetId: string } }; getAsset(id: string): { props: { src: string; name: string } } }
    return editor.getAsset(editor.getShape(id).props.assetId).props
  }, imageRef!.fromId)
  expect(src).toMatchObject({ src: 'https://images.example.com/moodboard/rain%20alley.jpg', name: 'rain alley.jpg' })

  await pasteText(ada, 'https://example.com/look-book')
  await expect.poll(async () => (await bindings(ada, 'reference')).length).toBe(2)
  const link = (await shapesOfType(ada, 'bookmark'))[0]!
  expect((await bindings(ada, 'reference')).map((b) => b.fromId)).toContain(link.id)
  await expect(ada.getByTestId('shot-references')).toContainText('References (2)')
})

test("a reference's role tag opens its menu from the keyboard too, and gives the canvas back its keys", async ({ newPerson, server }) => {
  const { page: ada } = await onePersonOnBoard(newPerson, server.url, 'Orchard')
  const shot = await placeShot(ada, { x: 560, y: 400 })
  const sheet: TestFile = { name: 'orchard.png', mimeType: 'image/png', buffer: solidPng(160, 120, [60, 140, 60]) }
  await dropFile(ada, sheet, { x: 560, y: 380 })
  await expect.poll(() => bindings(ada, 'reference')).toHaveLength(1)
  const tag = roleTag(ada)
  await expect(tag).toHaveText('Style')

  // Enter on the focused tag opens the menu in its place; the canvas does not take the Enter
  // (it would start editing the selected shot's title). The shot is selected by its header, not
  // where placeShot clicked: a second click there could make a double-click, which edits the title.
  await selectShot(ada)
  await expect(ada.getByTestId('shot-inspector')).toContainText('Shot 1')
  await tag.focus()
  await ada.keyboard.press('Enter')
  await expect(roleMenu(ada)).toBeFocused()
  await expect(ada.getByLabel('Shot title')).toHaveCount(0)
  await roleMenu(ada).selectOption({ label: 'Location' })
  // A choice closes the menu, and focus is back on the tag, which shows the new role.
  await expect(roleTag(ada)).toBeFocused()
  await expect(roleTag(ada)).toHaveText('Location')
  await expect.poll(() => bindings(ada, 'reference')).toEqual([expect.objectContaining({ toId: shot.id, props: { role: 'location' } })])

  // Leaving an open menu closes it unchanged.
  await ada.keyboard.press(' ')
  await expect(roleMenu(ada)).toBeFocused()
  await ada.mouse.click(200, 700)
  await expect(roleTag(ada)).toHaveText('Location')
  await expect(roleMenu(ada)).toHaveCount(0)

  // Undo, from the canvas, takes the role back.
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(roleTag(ada)).toHaveText('Style')
})

test('a camera move dragged nearly level goes exactly that way and its direction shows pressed; Shift keeps the drawn angle', async ({ newPerson, server }) => {
  const { page: ada } = await onePersonOnBoard(newPerson, server.url, 'Pier')
  await placeShot(ada, { x: 560, y: 400 })
  const motions = async () => (await shapesOfType(ada, 'motion')).map((m) => m.props as { kind: string; direction: number })

  // A pan dragged a little off level (about 2°) is a pan to the right, and the inspector says so.
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.getByTestId('camera-move-palette').getByRole('button', { name: 'Pan', exact: true }).click()
  await drag(ada, [{ x: 500, y: 390 }, { x: 640, y: 395 }])
  await expect.poll(motions).toEqual([expect.objectContaining({ kind: 'pan', direction: 0 })])
  const inspector = ada.getByTestId('motion-inspector')
  await expect(inspector.getByRole('button', { name: 'Right', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(inspector.getByTestId('motion-direction-label')).toHaveText('Direction')

  // With Shift the angle is kept as drawn on screen (about 12° down, whatever the frame's shape);
  // the nearest direction is still pressed and the label gives the angle.
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.keyboard.down('Shift')
  await drag(ada, [{ x: 500, y: 400 }, { x: 640, y: 430 }])
  await ada.keyboard.up('Shift')
  await expect.poll(async () => (await motions()).length).toBe(2)
  const free = (await motions())[1]!
  expect(free.direction).toBeGreaterThan(10)
  expect(free.direction).toBeLessThan(14)
  await expect(inspector.getByRole('button', { name: 'Right', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(inspector.getByTestId('motion-direction-label')).toHaveText(`Direction — ${Math.round(free.direction)}°`)

  // A direction button sets one of the eight exactly.
  await inspector.getByRole('button', { name: 'Down right', exact: true }).click()
  await expect.poll(async () => (await motions())[1]!.direction).toBe(45)
  await expect(inspector.getByRole('button', { name: 'Down right', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(inspector.getByTestId('motion-direction-label')).toHaveText('Direction')
})

test('a click with the camera-move tool, without a drag, leaves no move and the camera line as it was', async ({ newPerson, server }) => {
  const { page: ada } = await onePersonOnBoard(newPerson, server.url, 'Alley')
  const shot = await placeShot(ada, { x: 560, y: 400 })
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.mouse.click(560, 390)
  await expect(ada.locator('.shot-panel')).toContainText('Static')
  await expect.poll(async () => (await shapesOfType(ada, 'motion')).length).toBe(0)
  expect(((await shapesOfType(ada, 'shot')).find((s) => s.id === shot.id)!.props as { camera: { movement: string } }).camera.movement).toBe('static')

  // A drag right after still puts the move on.
  await drag(ada, [{ x: 500, y: 390 }, { x: 640, y: 392 }])
  await expect.poll(async () => (await shapesOfType(ada, 'motion')).map((m) => (m.props as { kind: string }).kind)).toEqual(['pan'])
  await expect(ada.locator('.shot-panel')).toContainText('Pan')
})

test("a subject path drawn across a camera move's corner label passes under it: the label is painted above the ink, and a click there selects the move", async ({ newPerson, server }) => {
  const { page: ada } = await onePersonOnBoard(newPerson, server.url, 'Rooftop')
  await placeShot(ada, { x: 560, y: 400 })
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.getByTestId('camera-move-palette').getByRole('button', { name: 'Dolly in', exact: true }).click()
  await drag(ada, [{ x: 600, y: 420 }, { x: 610, y: 400 }])
  await expect.poll(async () => (await shapesOfType(ada, 'motion')).map((m) => (m.props as { kind: string }).kind)).toEqual(['dolly-in'])
  const [dolly] = await shapesOfType(ada, 'motion')
  const label = (await ada.locator('.motion-annotation__label-back').boundingBox())!

  // The actor's path, drawn after it, runs straight up the frame through the dolly's label.
  const x = label.x + 30
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.getByTestId('camera-move-palette').getByRole('button', { name: 'Subject path' }).click()
  await drag(ada, [{ x, y: label.y + 120 }, { x, y: label.y - 4 }])
  await expect.poll(async () => (await shapesOfType(ada, 'motion')).length).toBe(2)
  await ada.keyboard.press('Escape')
  await ada.mouse.click(1100, 650)

  // Where the ink crosses the label, what is painted on top is the label (annotations take no
  // pointer events, so they are let take them for this look).
  const crossing = { x, y: label.y + label.height / 2 }
  const hittable = await ada.addStyleTag({ content: '.motion-annotation * { pointer-events: all !important; }' })
  const onTop = await ada.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('class'), crossing)
  expect(onTop).toMatch(/^motion-annotation__label(-back)?$/)
  await hittable.evaluate((style) => (style as ChildNode).remove())
  await ada.screenshot({ path: test.info().outputPath('subject-path-under-label.png'), clip: { x: label.x - 20, y: label.y - 30, width: 360, height: 220 } })

  await ada.mouse.click(crossing.x, crossing.y)
  await expect.poll(() => selectedIds(ada)).toEqual([dolly!.id])
})

test("exported as a picture, a shot's annotations are whole: a subject path low in the frame is not cut off", async ({ newPerson, server }) => {
  const { page: ada } = await onePersonOnBoard(newPerson, server.url, 'Harbour')
  await placeShot(ada, { x: 560, y: 400 })
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.getByTestId('camera-move-palette').getByRole('button', { name: 'Subject path' }).click()
  await drag(ada, [{ x: 600, y: 400 }, { x: 680, y: 440 }])
  await expect.poll(async () => (await shapesOfType(ada, 'motion')).length).toBe(1)
  // What tldraw's "Export as" draws, at the path's middle (a little square round it: anti-aliasing).
  const reds = await ada.evaluate(async (at) => {
    type Box = { minX: number; minY: number }
    const editor = window.editor as unknown as {
      getCurrentPageShapeIds(): Set<string>
      getShapePageBounds(id: string): Box
      screenToPage(p: { x: number; y: number }): { x: number; y: number }
      getSvgString(ids: string[], opts: { padding: number }): Promise<{ svg: string; width: number; height: number }>
    }
    const ids = [...editor.getCurrentPageShapeIds()]
    const { svg, width, height } = await editor.getSvgString(ids, { padding: 0 })
    const image = new Image()
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
    await image.decode()
    const canvas = Object.assign(document.createElement('canvas'), { width, height })
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    const page = editor.screenToPage(at)
    const x = Math.round(page.x - Math.min(...ids.map((id) => editor.getShapePageBounds(id).minX)))
    const y = Math.round(page.y - Math.min(...ids.map((id) => editor.getShapePageBounds(id).minY)))
    const { data } = context.getImageData(x - 2, y - 2, 5, 5)
    return Array.from({ length: 25 }, (_, i) => i).filter((i) => data[4 * i]! > 180 && data[4 * i + 1]! < 110).length
  }, { x: 640, y: 420 })
  expect(reds).toBeGreaterThan(0)
})
