import type { Page } from '@playwright/test'
import type { TLShape } from '@tldraw/tlschema'
import { onePersonOnBoard, openBoard, twoPeopleOnBoard } from './support/boardPage'
import { drawFreehand, type Point } from './support/drawing'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { stripCard } from './support/sequenceStrip'
import { settledBox } from './support/settled'

test.setTimeout(120_000)

type Box = { x: number; y: number; width: number; height: number }

/** The shot's frame (where the image goes, and the sketch) on screen, once it has stopped moving. */
function frameBox(page: Page): Promise<Box> {
  return settledBox(page.locator('.shot-panel__frame'), 'the shot frame')
}

/** A point in the frame, as fractions of its width and height. */
function inFrame(frame: Box, fx: number, fy: number): Point {
  return { x: frame.x + frame.width * fx, y: frame.y + frame.height * fy }
}

async function shape(page: Page, id: string): Promise<TLShape | undefined> {
  return (await shapesOnPage(page)).find((s) => s.id === id)
}

/** The shape's clip polygon on the page, if tldraw clips it. */
function clipOf(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate(
    (shapeId) => (window.editor as unknown as { getShapeClipPath(id: string): string | undefined }).getShapeClipPath(shapeId),
    id,
  )
}

/** Places the board's only shot with the shot tool, centred at `at`; returns it once created. */
async function placeOnlyShot(page: Page, at: Point): Promise<TLShape> {
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(at.x, at.y)
  await expect.poll(async () => (await shapesOnPage(page)).length).toBe(1)
  return (await shapesOnPage(page))[0]!
}

test('a sketch drawn in a shot frame belongs to the shot: clipped, moves with it, synced, survives a reload', async ({ newPerson, server }) => {
  const { url, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Sketches')

  const shot = await placeOnlyShot(ada, { x: 500, y: 380 })

  // Ada sketches with tldraw's pencil inside the empty frame; the stroke runs past the frame's
  // right edge, and is cut there.
  const frame = await frameBox(ada)
  const stroke = await drawFreehand(ada, [inFrame(frame, 0.2, 0.3), inFrame(frame, 0.6, 0.7), inFrame(frame, 1.3, 0.5)])
  expect(stroke.parentId).toBe(shot.id)
  expect(await clipOf(ada, stroke.id)).toMatch(/^polygon\(/)

  // She moves the shot by its header: the stroke moves with it, still inside the frame.
  await ada.getByTestId('tools.select').click()
  await ada.keyboard.press('Escape')
  const header = ada.locator('.shot-panel__header')
  const headerBox = (await header.boundingBox())!
  const from = { x: headerBox.x + headerBox.width * 0.75, y: headerBox.y + headerBox.height / 2 }
  await ada.mouse.move(from.x, from.y)
  await ada.mouse.down()
  await ada.mouse.move(from.x - 150, from.y + 60, { steps: 10 })
  await ada.mouse.up()
  await expect.poll(async () => (await shape(ada, shot.id))?.x).not.toBe(shot.x)
  const moved = (await shape(ada, shot.id))!
  expect(moved.y - shot.y).toBeGreaterThan(0)
  const strokeNow = (await shape(ada, stroke.id))!
  // Relative to the shot, the stroke has not moved at all.
  expect([strokeNow.parentId, strokeNow.x, strokeNow.y]).toEqual([shot.id, stroke.x, stroke.y])
  const frameAfter = await frameBox(ada)
  expect(Math.round(frameAfter.x - frame.x)).toBe(Math.round((moved.x - shot.x) * (frame.width / frameAfter.width)))

  // Ben sees the sketch in the shot, where Ada left it; so does Ada after a reload.
  for (const page of [ben, ada]) {
    if (page === ada) {
      await page.reload()
      await openBoard(page, url)
    }
    await expect.poll(async () => (await shape(page, stroke.id))?.parentId).toBe(shot.id)
    await expect.poll(async () => (await shape(page, shot.id))?.x).toBe(moved.x)
    expect((await shape(page, stroke.id))!.props).toEqual(strokeNow.props)
    expect(await clipOf(page, stroke.id)).toMatch(/^polygon\(/)
    // The shot's card in the sequence strip shows the sketch (tldraw's SVG of the stroke).
    const preview = stripCard(page, shot.id).getByTestId('strip-sketch')
    await expect(preview).toHaveAttribute('src', /^data:image\/svg\+xml.*%3Cpath/)
  }

  // Deleting the shot takes its sketch with it; undo brings both back.
  const headerNow = (await header.boundingBox())!
  await ada.mouse.click(headerNow.x + headerNow.width * 0.75, headerNow.y + headerNow.height / 2)
  await expect.poll(() => ada.evaluate(() => window.editor!.getSelectedShapeIds())).toEqual([shot.id])
  await ada.keyboard.press('Delete')
  await expect.poll(async () => (await shapesOnPage(ben)).length).toBe(0)
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => (await shape(ben, stroke.id))?.parentId).toBe(shot.id)
})

test('a sketch keeps its place in the frame when the shot is resized or its aspect ratio changes, and undo puts it back', async ({ newPerson, server }) => {
  test.setTimeout(180_000)
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Sketch follows the frame')
  const shot = await placeOnlyShot(ada, { x: 400, y: 330 })

  // A stroke from the frame's top-left corner area to its bottom-right corner area.
  const frame = await frameBox(ada)
  const stroke = await drawFreehand(ada, [inFrame(frame, 0.1, 0.1), inFrame(frame, 0.5, 0.5), inFrame(frame, 0.9, 0.9)])
  await ada.getByTestId('tools.select').click()
  await ada.keyboard.press('Escape')
  /** The stroke's on-screen box, as fractions of the frame's. */
  const strokeInFrame = async (page: Page) => {
    const f = await frameBox(page)
    type Edges = { minX: number; minY: number; maxX: number; maxY: number }
    const b = await page.evaluate<Edges, string>((id) => {
      const editor = window.editor as unknown as {
        getShapePageBounds(id: string): { minX: number; minY: number; maxX: number; maxY: number }
        pageToViewport(p: { x: number; y: number }): { x: number; y: number }
      }
      const bounds = editor.getShapePageBounds(id)
      const min = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
      const max = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
      return { minX: min.x, minY: min.y, maxX: max.x, maxY: max.y }
    }, stroke.id as string)
    const r = (n: number) => Math.round(n * 20) / 20
    return [r((b.minX - f.x) / f.width), r((b.minY - f.y) / f.height), r((b.maxX - f.x) / f.width), r((b.maxY - f.y) / f.height)]
  }
  const drawn = await strokeInFrame(ada)

  // Ada selects the shot and drags its bottom-right corner out: the panel doubles, the sketch with it.
  const header = (await ada.locator('.shot-panel__header').boundingBox())!
  await ada.mouse.click(header.x + header.width * 0.75, header.y + header.height / 2)
  await expect.poll(() => ada.evaluate(() => window.editor!.getSelectedShapeIds())).toEqual([shot.id])
  const panel = (await ada.locator('.shot-panel').boundingBox())!
  await ada.mouse.move(panel.x + panel.width, panel.y + panel.height)
  await ada.mouse.down()
  await ada.mouse.move(panel.x + panel.width * 1.6, panel.y + panel.height * 1.6, { steps: 10 })
  await ada.mouse.up()
  await expect.poll(async () => ((await shape(ada, shot.id))!.props as { w: number }).w).toBeGreaterThan(450)
  expect(await strokeInFrame(ada)).toEqual(drawn)
  await expect.poll(() => strokeInFrame(ben)).toEqual(drawn)

  // A wider aspect ratio: the whole drawing still shows, inside the new frame.
  await ada.getByTestId('shot-inspector').getByLabel('Aspect ratio').selectOption('2.39:1')
  await expect.poll(async () => ((await shape(ada, shot.id))!.props as { aspect: string }).aspect).toBe('2.39:1')
  const [minX, minY, maxX, maxY] = await strokeInFrame(ada)
  expect(minX).toBeGreaterThanOrEqual(0)
  expect(minY).toBeGreaterThanOrEqual(0)
  expect(maxX).toBeLessThanOrEqual(1)
  expect(maxY).toBeLessThanOrEqual(1)

  // Undo takes back the aspect change and the resize, sketch included.
  await ada.mouse.click(80, 600)
  await ada.keyboard.press('Control+z')
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => ((await shape(ada, shot.id))!.props as { w: number }).w).toBe((shot.props as { w: number }).w)
  expect((await shape(ada, stroke.id))!.props).toEqual(stroke.props)
})

test('the light table shows the shot before, faint, under a shot’s frame: only for this person, never in the strip or Present', async ({ newPerson, server }) => {
  const { url, page } = await onePersonOnBoard(newPerson, server.url, 'Continuity')
  // Two shots side by side; the second is after the first in the sequence.
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(260, 300)
  await expect.poll(async () => (await shapesOnPage(page)).length).toBe(1)
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(680, 300)
  await expect.poll(async () => (await shapesOnPage(page)).length).toBe(2)
  const [first, second] = await page.evaluate(() => {
    const editor = window.editor as unknown as { getCurrentPageShapes(): { id: string; x: number }[] }
    return editor.getCurrentPageShapes().sort((a, b) => a.x - b.x).map((s) => s.id)
  })
  await expect(page.getByTestId('sequence-strip').locator('[data-shot-id]')).toHaveCount(2)
  const firstFrame = await settledBox(page.locator(`.tl-shape[data-shape-id="${first}"] .shot-panel__frame`), 'the first frame')
  const stroke = await drawFreehand(page, [inFrame(firstFrame, 0.2, 0.3), inFrame(firstFrame, 0.5, 0.7), inFrame(firstFrame, 0.8, 0.4)])
  expect(stroke.parentId).toBe(first)
  await page.getByTestId('tools.select').click()

  // Off by default. Turned on from the strip's bar: the second frame traces the first shot's sketch, faintly.
  const lightTable = page.getByTestId('sequence-strip').getByRole('button', { name: 'Light table', exact: true })
  await expect(lightTable).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('light-table')).toHaveCount(0)
  await lightTable.click()
  await expect(lightTable).toHaveAttribute('aria-pressed', 'true')
  const trace = page.locator(`.tl-shape[data-shape-id="${second}"] [data-testid="light-table"]`)
  await expect(trace).toHaveAttribute('data-traced-shot', first!)
  // The strip's picture of the sketch (tldraw's SVG of the stroke), its strokes drawn in blue.
  await expect(trace.getByTestId('light-table-sketch')).toHaveAttribute('style', /mask-image: url\("data:image\/svg\+xml.*%3Cpath/)
  const look = await trace.evaluate((el) => ({ opacity: Number(getComputedStyle(el).opacity), pointer: getComputedStyle(el).pointerEvents }))
  expect(look.opacity).toBeGreaterThan(0.15)
  expect(look.opacity).toBeLessThan(0.4)
  expect(look.pointer).toBe('none')
  // The first shot has nothing before it; the strip's thumbnails never show the trace.
  await expect(page.getByTestId('light-table')).toHaveCount(1)
  await expect(page.getByTestId('sequence-strip').getByTestId('light-table')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('light-table.png') })

  // Zoomed out to where panels are greyed, no frame draws it.
  const zoomTo = (z: number) =>
    page.evaluate((zoom) => {
      const editor = window.editor as unknown as { getCamera(): object; setCamera(c: object): void }
      editor.setCamera({ ...editor.getCamera(), z: zoom })
    }, z)
  await zoomTo(0.25)
  await expect(page.getByTestId('light-table')).toHaveCount(0)
  await zoomTo(1)
  await expect(trace).toHaveCount(1)

  // It wrote nothing to the board: only the two shots and the stroke.
  expect((await shapesOnPage(page)).length).toBe(3)

  // Present (on this same device, light table still on) shows the second shot without it.
  await page.goto(`${url}/present`)
  await expect(page.locator('.presentation-stage[data-shot-id]')).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator(`.presentation-stage[data-shot-id="${second}"]`)).toBeVisible()
  await expect(page.getByTestId('light-table')).toHaveCount(0)

  // Back on the board it is still on; Alt+Shift+L turns it off.
  await openBoard(page, url)
  await expect(page.getByTestId('sequence-strip').getByRole('button', { name: 'Light table', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('light-table')).toHaveCount(1)
  await page.getByTestId('canvas').focus()
  await page.keyboard.press('Alt+Shift+L')
  await expect(page.getByTestId('light-table')).toHaveCount(0)
  await expect(page.getByTestId('sequence-strip').getByRole('button', { name: 'Light table', exact: true })).toHaveAttribute('aria-pressed', 'false')
})
