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

test('Ben follows Ada’s view from her avatar until he pans himself', async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Chase on the rooftop')
  const inView = (page: Page, shape: { x: number; y: number }) =>
    page.evaluate(({ x, y }) => {
      const view = window.editor!.getViewportPageBounds()
      return x >= view.x && y >= view.y && x + 200 <= view.x + view.w && y + 150 <= view.y + view.h
    }, shape)

  // Ada pans far to the right and down (the wheel pans), and draws there: off Ben's screen.
  await ada.mouse.move(640, 300)
  for (let i = 0; i < 6; i++) await ada.mouse.wheel(1500, 900)
  await expect.poll(async () => (await ada.evaluate(() => window.editor!.getViewportPageBounds())).x).toBeGreaterThan(5000)
  const far = await drawRectangle(ada, { x: 300, y: 250 }, { x: 500, y: 400 })
  await expect.poll(() => shapeIdsOnPage(ben)).toEqual([far.id])
  expect(await inView(ben, far)).toBe(false)

  // Ben opens the people menu from the avatars: Ada's row offers Go to and Follow.
  await ben.locator('.people-menu__button').click()
  const adaRow = ben.getByTestId('person-menu-item').filter({ hasText: 'Ada' })
  await expect(adaRow.getByRole('button', { name: 'Go to Ada' })).toBeVisible()
  await adaRow.getByRole('button', { name: 'Follow Ada' }).click()

  // His view goes where Ada looks, framed in her colour and saying whose view it is.
  await expect.poll(() => inView(ben, far)).toBe(true)
  const adaColor = await ada.evaluate(() => window.editor!.user.getColor())
  const frame = ben.getByTestId('following-indicator')
  await expect(frame.getByRole('status')).toHaveText('Following Ada · Esc to stop')
  expect(await frame.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe(await ben.evaluate((c) => {
    const probe = document.createElement('div')
    probe.style.color = c
    document.body.append(probe)
    const rgb = getComputedStyle(probe).color
    probe.remove()
    return rgb
  }, adaColor))

  // Ben pans on his own: he stops following, and Ada's next pan no longer moves him.
  await ben.mouse.move(640, 300)
  await ben.mouse.wheel(0, 400)
  await expect.poll(() => ben.evaluate(() => window.editor!.getInstanceState().followingUserId)).toBeNull()
  await expect(frame).toHaveCount(0)
  const benView = await ben.evaluate(() => window.editor!.getViewportPageBounds())
  await ada.mouse.wheel(-3000, 0)
  // Once Ben has Ada's new view in her presence, his own view has not moved.
  await expect
    .poll(() => ben.evaluate(() => -(window.editor!.getVisibleCollaboratorsOnCurrentPage()[0]?.camera?.x ?? 0)))
    .toBeLessThan(far.x - 1000)
  expect(await ben.evaluate(() => window.editor!.getViewportPageBounds())).toEqual(benView)
})
