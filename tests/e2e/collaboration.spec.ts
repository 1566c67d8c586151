import type { Page } from '@playwright/test'
import { twoPeopleOnBoard } from './support/boardPage'
import { drawFreehand, drawRectangle, selectByDragging } from './support/drawing'
import { shapeIdsOnPage, shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'

/** What A's canvas paints as other people's selections: one entry per collaborator who has one. */
function collaboratorSelections(page: Page) {
  return page.evaluate(() => {
    const overlay = window.editor!.overlays.getCurrentOverlays().find((o) => o.type === 'collaborator_shape_indicator')
    return (overlay?.props as { indicators: { color: string; shapeIds: string[] }[] } | undefined)?.indicators ?? []
  })
}

test('two people on one board see each other’s shapes, cursors and selections; undo is per person', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Chase on the rooftop')

  // Ada draws a rectangle; it appears on Ben's canvas, same shape.
  const rectangle = await drawRectangle(ada, { x: 250, y: 250 }, { x: 450, y: 400 })
  expect(rectangle.props).toMatchObject({ geo: 'rectangle', w: 200, h: 150 })
  await expect.poll(() => shapesOnPage(ben)).toEqual([
    expect.objectContaining({ id: rectangle.id, x: rectangle.x, y: rectangle.y, props: rectangle.props }),
  ])

  // Ben draws a freehand stroke; it appears on Ada's canvas.
  const stroke = await drawFreehand(ben, [
    { x: 700, y: 250 },
    { x: 760, y: 320 },
    { x: 820, y: 260 },
    { x: 880, y: 330 },
  ])
  await expect.poll(() => shapeIdsOnPage(ada)).toEqual([rectangle.id, stroke.id].sort())
  // Every point of the line, not just the shape (the doc keeps stroke paths apart from records).
  await expect.poll(async () => (await shapesOnPage(ada)).find((s) => s.id === stroke.id)?.props).toEqual(stroke.props)

  // Ben selects his stroke and moves his pointer: Ada sees his cursor with his name tag, and
  // his selection drawn in his colour around the stroke.
  await selectByDragging(ben, { x: 660, y: 200 }, { x: 920, y: 380 })
  await expect.poll(() => ben.evaluate(() => window.editor!.getSelectedShapeIds())).toEqual([stroke.id])
  await ben.mouse.move(600, 520, { steps: 5 })
  const benColor = await ben.evaluate(() => window.editor!.user.getColor())

  const benCursor = ada.locator('.tl-collaborator__cursor', { has: ada.locator('.tl-nametag', { hasText: 'Ben' }) })
  await expect(benCursor).toBeVisible()
  await expect // where Ben's pointer is (both see the board at the same zoom and scroll)
    .poll(async () => {
      const box = await benCursor.boundingBox()
      return box && { x: Math.round(box.x), y: Math.round(box.y) }
    })
    .toEqual({ x: 600, y: 520 })
  await expect(ada.locator('.tl-collaborator__cursor')).toHaveCount(1) // only Ben: nobody sees themselves
  await expect.poll(() => collaboratorSelections(ada)).toEqual([{ color: benColor, shapeIds: [stroke.id] }])

  // Ada undoes: her rectangle goes, for both of them; Ben's later stroke stays.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => shapeIdsOnPage(ada)).toEqual([stroke.id])
  await expect.poll(() => shapeIdsOnPage(ben)).toEqual([stroke.id])
})
