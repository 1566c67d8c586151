import type { Locator, Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { boardWithPictures, stagePicture } from './support/phoneReviewBoard'
import { IPAD, IPHONE, IPHONE_SIDEWAYS, swipe } from './support/touch'

// A client drawing on the picture with a finger: Draw and the pen's colours are finger-sized, and
// they fit beside the comment box's button, upright and sideways, without pushing the verdicts away;
// Comment sends on the first tap after a stroke.

/** The smaller of a control's width and height: what a finger has to hit. */
async function tapSize(control: Locator): Promise<number> {
  const box = (await control.boundingBox())!
  return Math.min(box.width, box.height)
}

/** Whether a tap at the control's top left corner (8 px in) reaches it: nothing sticky or scrolled covers it. */
function reached(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return el.contains(document.elementFromPoint(box.x + 8, box.y + 8))
  })
}

/** Opens the review link as Sarah; the Draw button, the comment box and its Comment button. */
async function namedReviewer(page: Page, url: string): Promise<{ draw: Locator; comment: Locator; send: Locator }> {
  await page.goto(url)
  await page.getByLabel('Your name').fill('Sarah')
  await stagePicture(page)
  return {
    draw: page.getByRole('button', { name: 'Draw', exact: true }),
    comment: page.getByRole('textbox', { name: 'Comment on shot 1.1…' }),
    send: page.getByRole('button', { name: 'Comment', exact: true }),
  }
}

/** Draw and every pen colour are 44 px targets a tap reaches, and a tap on a colour takes it. */
async function expectFingerSizedTools(page: Page, draw: Locator, where: string): Promise<void> {
  expect(await tapSize(draw), `Draw, ${where}`).toBeGreaterThanOrEqual(44)
  const palette = page.getByRole('group', { name: 'Pen colour' })
  const colors = palette.getByRole('button')
  await expect(colors).toHaveCount(5)
  for (const color of await colors.all()) {
    const name = await color.getAttribute('aria-label')
    expect(await tapSize(color), `${name}, ${where}`).toBeGreaterThanOrEqual(44)
    await expect(color, `${name} in view, ${where}`).toBeInViewport({ ratio: 1 })
    expect(await reached(color), `${name} not covered, ${where}`).toBe(true)
  }
  const blue = palette.getByRole('button', { name: 'Blue' })
  await blue.tap()
  await expect(blue).toHaveAttribute('aria-pressed', 'true')
}

test('on a phone, upright and sideways, Draw and the pen’s colours are 44 px tap targets, Draw beside the Comment button; sideways the verdicts stay in view', async ({ newPerson, server }) => {
  const url = server.url + (await boardWithPictures(server.url))
  const phone = await newPerson(IPHONE)
  const { draw, send } = await namedReviewer(phone, url)
  // Beside Comment, on its row: the comment box takes no extra row for it.
  const [drawBox, sendBox] = [(await draw.boundingBox())!, (await send.boundingBox())!]
  expect(Math.abs(drawBox.y + drawBox.height / 2 - (sendBox.y + sendBox.height / 2)), 'Draw on the Comment button’s row').toBeLessThan(4)
  await draw.tap()
  await expect(draw).toHaveAttribute('aria-pressed', 'true')
  await phone.screenshot({ path: test.info().outputPath('phone-draw.png') })
  await expectFingerSizedTools(phone, draw, 'upright')

  // Sideways, on opening: Draw in view beside Comment, and the verdicts above them in view and uncovered.
  await phone.setViewportSize(IPHONE_SIDEWAYS)
  const sideways = await namedReviewer(phone, url)
  await phone.screenshot({ path: test.info().outputPath('phone-landscape-draw.png') })
  const verdicts = ['Approve', 'Request changes'].map((name) => phone.getByRole('button', { name, exact: true }))
  for (const control of [...verdicts, sideways.comment, sideways.send, sideways.draw]) {
    await expect(control).toBeInViewport({ ratio: 1 })
    expect(await reached(control), 'not covered').toBe(true)
  }
  expect(await tapSize(sideways.draw), 'Draw, sideways').toBeGreaterThanOrEqual(44)
  // Drawing: the colours come in reach, and a finger across the picture is a stroke.
  await sideways.draw.tap()
  await phone.screenshot({ path: test.info().outputPath('phone-landscape-drawing.png') })
  await expectFingerSizedTools(phone, sideways.draw, 'sideways')
  const surface = (await phone.getByTestId('stage-markup-surface').boundingBox())!
  await swipe(phone, { x: surface.x + surface.width * 0.3, y: surface.y + surface.height * 0.3 }, { x: surface.x + surface.width * 0.7, y: surface.y + surface.height * 0.6 })
  await expect(phone.locator('.markup-tools [role="status"]')).toHaveText('Drawing: 1 stroke')
  // With Undo stroke and Clear added, the Comment button is still in view and uncovered.
  await expect(sideways.send).toBeInViewport({ ratio: 1 })
  expect(await reached(sideways.send), 'Comment not covered while drawing').toBe(true)
})

test('on a tablet held upright, Draw and the pen’s colours are 44 px tap targets beside the Comment button', async ({ newPerson, server }) => {
  const tablet = await newPerson(IPAD)
  const { draw, send } = await namedReviewer(tablet, server.url + (await boardWithPictures(server.url)))
  await draw.tap()
  await tablet.screenshot({ path: test.info().outputPath('tablet-draw.png') })
  await expectFingerSizedTools(tablet, draw, 'tablet')
  await expect(send).toBeInViewport({ ratio: 1 })
  expect(await reached(send), 'Comment not covered').toBe(true)
})

test('on a phone and a tablet, the first tap on Comment right after a quick stroke with a finger sends the drawing', async ({ newPerson, server }) => {
  const url = server.url + (await boardWithPictures(server.url))
  for (const [where, device] of [['phone', IPHONE], ['tablet', IPAD]] as const) {
    const page = await newPerson(device)
    const { draw, send } = await namedReviewer(page, url)
    await draw.tap()
    const surface = page.getByTestId('stage-markup-surface')
    await surface.scrollIntoViewIfNeeded()
    const box = (await surface.boundingBox())!
    // A quick stroke, the finger still moving as it lifts: the browser then flings, and a tap that stops a fling is not a click.
    await swipe(page, { x: box.x + box.width * 0.3, y: box.y + box.height * 0.3 }, { x: box.x + box.width * 0.7, y: box.y + box.height * 0.6 })
    await expect(page.locator('.markup-tools [role="status"]')).toHaveText('Drawing: 1 stroke')
    await send.tap()
    await expect(page.getByRole('status').filter({ hasText: 'Comment sent' }), `sent on the first tap, ${where}`).toBeVisible({ timeout: 2_000 })
    await expect(page.locator('.comment__meta').getByRole('img', { name: 'Has a drawing' }).first()).toBeVisible()
  }
})
