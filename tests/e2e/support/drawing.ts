import { expect, type Page } from '@playwright/test'
import type { TLShape } from '@tldraw/tlschema'
import { shapesOnPage } from './editorState'

export type Point = { x: number; y: number }

/**
 * Draws a rectangle the way a user does: picks the rectangle tool in the toolbar and drags on
 * the canvas from `from` to `to` (viewport pixels). Returns the new shape once tldraw has it.
 */
export async function drawRectangle(page: Page, from: Point, to: Point): Promise<TLShape> {
  return createdBy(page, 'geo', async () => {
    await page.getByTestId('tools.rectangle').click()
    await drag(page, [from, to])
  })
}

/** Draws a freehand stroke through `points` with the draw tool. Returns the new shape. */
export async function drawFreehand(page: Page, points: Point[]): Promise<TLShape> {
  return createdBy(page, 'draw', async () => {
    await page.getByTestId('tools.draw').click()
    await drag(page, points)
  })
}

/**
 * Puts a camera move on the shot under `from` with the camera-move tool (M): pressed on the
 * frame and dragged the way the camera goes. Returns the new move once tldraw has it.
 */
export async function drawCameraMove(page: Page, from: Point, to: Point): Promise<TLShape> {
  return createdBy(page, 'motion' as TLShape['type'], async () => {
    await page.keyboard.press('m')
    await drag(page, [from, to])
  })
}

/** Selects whatever a selection box dragged from `from` to `to` touches, with the select tool. */
export async function selectByDragging(page: Page, from: Point, to: Point): Promise<void> {
  await page.getByTestId('tools.select').click()
  await drag(page, [from, to])
}

/** Presses at the first point, moves through the others in small steps, and releases. */
export async function drag(page: Page, [first, ...rest]: Point[]): Promise<void> {
  if (!first) throw new Error('a drag needs at least one point')
  await page.mouse.move(first.x, first.y)
  await page.mouse.down()
  for (const point of rest) await page.mouse.move(point.x, point.y, { steps: 8 })
  await page.mouse.up()
}

/** Runs `gesture` and returns the one shape of `type` it added to the page. */
async function createdBy(page: Page, type: TLShape['type'], gesture: () => Promise<void>): Promise<TLShape> {
  const before = new Set((await shapesOnPage(page)).map((shape) => shape.id))
  await gesture()
  let created: TLShape[] = []
  await expect
    .poll(async () => {
      created = (await shapesOnPage(page)).filter((shape) => !before.has(shape.id))
      return created.map((shape) => shape.type)
    }, { message: `drawing should add one ${type} shape` })
    .toEqual([type])
  return created[0]!
}
