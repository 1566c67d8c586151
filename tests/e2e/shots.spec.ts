import type { Locator, Page } from '@playwright/test'
import { boardUrl, onePersonOnBoard, openBoard, twoPeopleOnBoard } from './support/boardPage'
import { shotsOnPage as shots } from './support/editorState'
import { expect, test } from './support/fixtures'
import { settledBox } from './support/settled'
import { columnsPng } from './support/pngImage'
import { screenPixels } from './support/screenPixels'
import { boardWithPictureShot } from './support/pictureBoard'
import { stripCard } from './support/sequenceStrip'
import { reviewLinkExpiringIn } from './support/reviewBoard'

/** A shot panel as drawn on the canvas. */
function shotPanel(page: Page) {
  return page.locator('.shot-panel')
}

test('a shot made with the shot tool and edited in the inspector shows for everyone, and after a reload', async ({ newPerson, server }) => {
  const { url, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Rooftop chase')

  // Ada picks the shot tool and clicks on the canvas: one shot, selected, centred where she clicked.
  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(500, 400)
  await expect.poll(async () => (await shots(ada)).length).toBe(1)
  const [shot] = await shots(ada)
  const inspector = ada.getByTestId('shot-inspector')
  await expect(inspector).toBeVisible()
  await expect(inspector).toContainText('Shot 1')
  const box = await shotPanel(ada).boundingBox()
  expect(box && Math.round(box.x + box.width / 2)).toBe(500)

  // She names it and gives it a duration. A negative duration is refused with a message and
  // never written.
  await inspector.getByLabel('Title').fill('Ada spots the drone')
  await inspector.getByLabel('Duration (s)').fill('-2')
  await expect(inspector.getByRole('alert')).toHaveText('Duration must be more than 0 seconds.')
  // A screen reader names the field by its label alone and reads the message as its description.
  const duration = inspector.getByRole('textbox', { name: 'Duration (s)', exact: true })
  await expect(duration).toHaveAccessibleDescription('Duration must be more than 0 seconds.')
  await expect(duration).toHaveAttribute('aria-invalid', 'true')
  expect((await shots(ada))[0]!.props).toMatchObject({ duration: 3 })
  await inspector.getByLabel('Duration (s)').fill('4.5')
  await expect(inspector.getByRole('alert')).toHaveCount(0)
  await expect(duration).toHaveAccessibleDescription('')
  await expect(duration).not.toHaveAttribute('aria-invalid')
  await expect.poll(async () => (await shots(ada))[0]!.props).toMatchObject({ title: 'Ada spots the drone', duration: 4.5 })

  // Her dialogue takes longer to say than the shot lasts (15 words, 6 s): a note under Duration
  // (the field's description, and said by a polite live region once typing pauses) and a mark on
  // the strip card's duration.
  await inspector.getByLabel('Dialogue / VO').fill('ADA (into the radio)\nIt is right above me now, I can see it turning. Get off the roof!')
  const fitNote = inspector.getByTestId('dialogue-fit-note')
  await expect(fitNote).toHaveText('Dialogue needs about 6 s')
  await expect(inspector.getByRole('status')).toHaveText('Dialogue needs about 6 s')
  await expect(duration).toHaveAccessibleDescription('Dialogue needs about 6 s')
  const tooShort = ben.getByTestId('strip-shot-dialogue-short')
  await expect(tooShort).toHaveAccessibleName('Too short for its dialogue (needs about 6 s)')
  // Fit to dialogue: 6 s for both, in one undo step.
  await inspector.getByRole('button', { name: 'Fit to dialogue' }).click()
  await expect(duration).toHaveValue('6')
  await expect(fitNote).toBeEmpty()
  await expect(tooShort).toHaveCount(0)
  await expect.poll(async () => (await shots(ben))[0]!.props).toMatchObject({ duration: 6 })
  // The button goes with the note: the keyboard is on the duration it changed. Esc, then Ctrl+Z
  // takes back the fit alone: the dialogue stays.
  await expect(inspector.getByRole('button', { name: 'Fit to dialogue' })).toHaveCount(0)
  await expect(duration).toBeFocused()
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('ControlOrMeta+z')
  await expect(duration).toHaveValue('4.5')
  await expect(fitNote).toHaveText('Dialogue needs about 6 s')
  expect((await shots(ada))[0]!.props).toMatchObject({ dialogue: expect.stringContaining('Get off the roof!') })

  await inspector.getByLabel('Lens (mm)').fill('50')
  await inspector.getByLabel('Status').selectOption('approved')
  await inspector.getByLabel('Action').fill('Ada freezes as the drone rises over the parapet.')

  // Ben sees the shot with its number, title, duration, camera and status.
  await expect.poll(async () => (await shots(ben)).map((s) => s.id)).toEqual([shot!.id])
  await expect(shotPanel(ben).getByTestId('shot-number')).toHaveText('1')
  await expect(shotPanel(ben).getByTestId('shot-title')).toHaveText('Ada spots the drone')
  await expect(shotPanel(ben).getByTestId('shot-duration')).toHaveText('4.5s')
  await expect(shotPanel(ben)).toContainText('MS · Eye level · 50mm · Static')

  await expect(shotPanel(ben)).toContainText('Approved')
  await expect(shotPanel(ben)).toContainText('Ada freezes as the drone rises')

  // Ada renames it in place: double-click the shot, type, Enter.
  await ada.mouse.dblclick(500, 400)
  const titleInput = shotPanel(ada).getByLabel('Shot title')
  await expect(titleInput).toBeFocused()
  await ada.keyboard.type('Drone over the rooftop')
  await ada.keyboard.press('Enter')
  await expect(titleInput).toHaveCount(0)
  await expect(shotPanel(ben).getByTestId('shot-title')).toHaveText('Drone over the rooftop')

  // A reload keeps it.
  await openBoard(ben, url)
  await expect(shotPanel(ben).getByTestId('shot-title')).toHaveText('Drone over the rooftop')
  await expect(shotPanel(ben).getByTestId('shot-duration')).toHaveText('4.5s')
})

/** One person on a new board places a shot with the shot tool and titles it in the inspector. */
async function titledShot(newPerson: () => Promise<Page>, serverUrl: string, boardName: string, title: string) {
  const { page, boardId } = await onePersonOnBoard(newPerson, serverUrl, boardName)
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(500, 400)
  const inspector = page.getByTestId('shot-inspector')
  await inspector.getByLabel('Title').fill(title)
  return { page, boardId, inspector, panel: shotPanel(page) }
}

/** Pinch-zooms out (Ctrl + wheel, as a trackpad sends it) over the empty canvas, to below 30 %. */
async function zoomOutBelowGreekZoom(page: Page) {
  const zoom = () => page.evaluate(() => window.editor!.getZoomLevel())
  await page.mouse.move(150, 450)
  await page.keyboard.down('Control')
  while ((await zoom()) >= 0.3) await page.mouse.wheel(0, 100)
  await page.keyboard.up('Control')
}

test('zoomed out below 35 %, a shot draws its text as grey bars, and the text comes back on zooming in', async ({ newPerson, server }) => {
  const { page, inspector, panel } = await titledShot(newPerson, server.url, 'Overview', 'Ada spots the drone')
  await inspector.getByLabel('Action').fill('Ada freezes as the drone rises over the parapet.')
  await expect(panel).toContainText('Ada freezes')

  await zoomOutBelowGreekZoom(page)
  await expect(panel).toHaveAttribute('data-greeked')
  // No text is left but the shot number; each text run is a bar.
  await expect(panel).toHaveText('1')
  await expect(panel.getByTestId('shot-title')).toHaveClass(/shot-panel__greek/)
  await expect(panel.locator('.shot-panel__action.shot-panel__greek')).toHaveCount(1)

  // And back in, past 35 %.
  const zoom = () => page.evaluate(() => window.editor!.getZoomLevel())
  await page.keyboard.down('Control')
  while ((await zoom()) < 0.4) await page.mouse.wheel(0, -100)
  await page.keyboard.up('Control')
  await expect(panel).not.toHaveAttribute('data-greeked')
  await expect(panel.getByTestId('shot-title')).toHaveText('Ada spots the drone')
  await expect(panel).toContainText('Ada freezes')
  // The text a zoom leaves out while it runs (data-zooming) is drawn again once the camera rests.
  await expect(page.locator('.tl-container')).not.toHaveAttribute('data-zooming')
  await expect(panel.getByTestId('shot-title')).toBeVisible()
  await expect(panel.locator('.shot-panel__action')).toBeVisible()
})

test('a long title is cut short in the header: the duration, the frame and the status stay inside the panel', async ({ newPerson, server }) => {
  const title = 'Ada runs across every rooftop of the old town while the drones close in from the harbour side'
  const { page, boardId, inspector, panel } = await titledShot(newPerson, server.url, 'Long titles', title)
  await inspector.getByLabel('Status').selectOption('changes-requested')
  await expect(panel.getByTestId('shot-title')).toContainText('Ada runs across')

  const panelBox = await settledBox(panel, 'the shot panel')
  const inside = async (part: string) => {
    const panelBox = (await panel.boundingBox())!
    const box = (await panel.locator(part).boundingBox())!
    return { part, left: box.x >= panelBox.x - 1, right: box.x + box.width <= panelBox.x + panelBox.width + 1 }
  }
  for (const part of ['.shot-panel__duration', '.shot-panel__frame', '.shot-panel__status', '.shot-panel__text']) {
    expect(await inside(part)).toEqual({ part, left: true, right: true })
  }
  // The frame is centred in the panel, not in a column widened by the title.
  const frame = await settledBox(panel.locator('.shot-panel__frame'), 'the shot frame')
  expect(Math.abs(frame.x + frame.width / 2 - (panelBox.x + panelBox.width / 2))).toBeLessThan(2)
  await expect(panel.getByTestId('shot-duration')).toBeVisible()

  // With every badge in the header (who draws it, a client's comment with a drawing, their verdict),
  // the title keeps a readable width (it once shrank to a few letters): the badges fold first, and
  // the tooltip and the badge's name still say it all.
  const shotId: string = (await shots(page))[0]!.id
  // Set as the inspector's assignee field and a resize would (a former member: no account needed).
  const setProps = (props: object) =>
    page.evaluate(
      ([id, p]) => {
        ;(window as unknown as { editor: { updateShapes(s: unknown[]): void } }).editor.updateShapes([{ id, type: 'shot', props: JSON.parse(p!) as unknown }])
      },
      [shotId, JSON.stringify(props)],
    )
  await setProps({ assigneeId: 'someone-gone' })
  const path = await reviewLinkExpiringIn(server.url, boardId, 3_600_000)
  const token = path.split('/').at(-1)
  const review = (what: string, body: object) =>
    fetch(`${server.url}/api/review/${token}/${what}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const markup = { strokes: [{ color: 'red', points: [[0.25, 0.25], [0.75, 0.75]] }] }
  expect((await review('comments', { anchor: { kind: 'shot', shotId }, body: 'Tighter', markup, authorName: 'Carla' })).status).toBe(201)
  expect((await review('verdicts', { shotId, verdict: 'changes-requested', reviewerName: 'Carla' })).status).toBe(201)
  const badge = panel.getByTestId('shot-review-badge')
  await expect(badge).toHaveAttribute('data-verdict', 'changes-requested')
  await expect(panel.getByTestId('assignee-badge')).toBeVisible()
  const titleWidth = async () => (await panel.getByTestId('shot-title').evaluate((el) => el.getBoundingClientRect().width)) / (await page.evaluate(() => window.editor!.getZoomLevel()))
  for (const w of [320, 280]) {
    await setProps({ w })
    await expect.poll(titleWidth, { message: `the title's width in a shot ${w} wide` }).toBeGreaterThanOrEqual(96)
    for (const part of ['.shot-panel__duration', '.shot-review-badge']) expect(await inside(part)).toEqual({ part, left: true, right: true })
  }
  await page.screenshot({ path: test.info().outputPath('long-title-badges.png') })
  // Folded, the badge shows the verdict alone; its name and tooltip keep the drawing.
  await expect(badge.getByTestId('shot-review-verdict')).toBeVisible()
  await expect(badge.getByTestId('shot-review-drawings')).toHaveCount(0)
  await expect(badge).toHaveAccessibleName(/1 comment with a drawing/)
  await expect(panel.getByTestId('shot-title')).toHaveAttribute('title', new RegExp(title))
})

test('the dialogue and action on a shot keep the line breaks typed in the inspector', async ({ newPerson, server }) => {
  const { inspector, panel } = await titledShot(newPerson, server.url, 'Harbour', 'Marie comes home')
  await inspector.getByLabel('Action').fill('The boat docks.\nMarie steps off.')
  await inspector.getByLabel('Dialogue / VO').fill('MARIE (V.O.)\nHome, at last.')
  // innerText is the text as laid out: a line break the panel collapses reads as a space.
  await expect.poll(() => panel.locator('.shot-panel__dialogue').evaluate((p) => (p as HTMLElement).innerText)).toBe('MARIE (V.O.)\nHome, at last.')
  await expect.poll(() => panel.locator('.shot-panel__action').evaluate((p) => (p as HTMLElement).innerText)).toBe('The boat docks.\nMarie steps off.')
})

/**
 * How a paragraph of the shot's text area is drawn: whether its box (its lines as clamped) ends
 * inside the area's padding, and whether it hides lines (an ellipsis says so).
 */
function paragraphFit(panel: Locator, part: string) {
  return panel.locator(part).evaluate((p) => {
    const area = p.closest('.shot-panel__text')!
    const bottom = area.getBoundingClientRect().bottom - parseFloat(getComputedStyle(area).paddingBottom)
    return { whole: p.getBoundingClientRect().bottom <= bottom + 0.5, hidesLines: p.scrollHeight > p.clientHeight + 1 }
  })
}

test('the text on a shot shows whole lines only, an ellipsis saying there is more, and its grey bars follow the line breaks', async ({
  newPerson,
  server,
}) => {
  const { page, inspector, panel } = await titledShot(newPerson, server.url, 'Harbour lines', 'Marie comes home')
  await inspector.getByLabel('Action').fill('The boat docks.\nMarie steps off.')
  await inspector.getByLabel('Dialogue / VO').fill('MARIE (V.O.)\nHome, at last.')
  // Four lines do not fit: the action keeps its two, the dialogue shows its first line whole
  // and says it has more, instead of a fourth line cut in half at the panel's edge.
  await expect.poll(() => paragraphFit(panel, '.shot-panel__dialogue')).toEqual({ whole: true, hidesLines: true })
  expect(await paragraphFit(panel, '.shot-panel__action')).toEqual({ whole: true, hidesLines: false })
  // One line of action leaves two for the dialogue.
  await inspector.getByLabel('Action').fill('The boat docks.')
  await expect.poll(() => paragraphFit(panel, '.shot-panel__dialogue')).toEqual({ whole: true, hidesLines: false })
  // A long action gives way: the dialogue keeps a line.
  await inspector.getByLabel('Action').fill('The boat docks.\nMarie steps off.\nShe looks up at the house.\nThe lights are on.')
  await expect.poll(() => paragraphFit(panel, '.shot-panel__action')).toEqual({ whole: true, hidesLines: true })
  expect(await paragraphFit(panel, '.shot-panel__dialogue')).toEqual({ whole: true, hidesLines: true })
  await expect(panel.locator('.shot-panel__dialogue')).toBeVisible()

  // Zoomed out, the grey bars are the lines shown: two for the action, one for the dialogue.
  await inspector.getByLabel('Action').fill('The boat docks.\nMarie steps off.')
  await expect(panel).toContainText('Marie steps off.')
  await zoomOutBelowGreekZoom(page)
  await expect(panel).toHaveAttribute('data-greeked')
  await expect(panel.locator('.shot-panel__action.shot-panel__greek')).toHaveCount(2)
  await expect(panel.locator('.shot-panel__dialogue.shot-panel__greek')).toHaveCount(1)
})

test('two people typing into different fields of one shot at the same time both keep every character', async ({ newPerson, server }) => {
  const { url, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Same shot, same moment')
  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(500, 400)
  await expect.poll(async () => (await shots(ben)).length).toBe(1)
  await ben.mouse.click(500, 400)
  const action = ada.getByTestId('shot-inspector').getByLabel('Action')
  const dialogue = ben.getByTestId('shot-inspector').getByLabel('Dialogue / VO')
  await action.focus()
  await dialogue.focus()

  // Both type a sentence, key by key, at once: each of the other's writes lands mid-typing.
  const actionText = 'Ada climbs onto the parapet and waves the drone in.'
  const dialogueText = 'BEN (off): Not another step, Ada. The wind is up.'
  await Promise.all([action.pressSequentially(actionText), dialogue.pressSequentially(dialogueText)])

  for (const page of [ada, ben]) {
    await expect.poll(async () => (await shots(page))[0]!.props, { timeout: 10_000 }).toMatchObject({ action: actionText, dialogue: dialogueText })
  }
  await expect(action).toHaveValue(actionText)
  await expect(dialogue).toHaveValue(dialogueText)
  await openBoard(ben, url)
  await expect.poll(async () => (await shots(ben))[0]!.props).toMatchObject({ action: actionText, dialogue: dialogueText })
})

test('Escape in an inspector field leaves the field with the shot still selected, and one undo then takes back the rename for both people', async ({
  newPerson,
  server,
}) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Escape and undo')
  await ada.keyboard.press('Shift+S')
  await expect.poll(async () => (await shots(ada)).length).toBe(1)
  const [shot] = await shots(ada)
  const title = ada.getByTestId('shot-inspector').getByLabel('Title')
  await title.fill('Gulls over the quay')
  await expect.poll(async () => (await shots(ben))[0]?.props).toMatchObject({ title: 'Gulls over the quay' })

  // Escape leaves the field: the keys go back to the canvas, the shot stays selected (its
  // inspector stays open). It used to clear the selection too, so the next Ctrl+Z only brought
  // the selection back and the rename seemed not to undo.
  await title.press('Escape')
  await expect(title).not.toBeFocused()
  expect(await ada.evaluate(() => window.editor?.getSelectedShapeIds())).toEqual([shot!.id])
  await expect(ada.getByTestId('shot-inspector')).toBeVisible()
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => (await shots(ada))[0]?.props).toMatchObject({ title: '' })
  await expect.poll(async () => (await shots(ben))[0]?.props).toMatchObject({ title: '' })

  // A second Escape, from the canvas, clears the selection as tldraw always does.
  await ada.keyboard.press('Escape')
  expect(await ada.evaluate(() => window.editor?.getSelectedShapeIds())).toEqual([])
})

test("one person's undo does not take back a field someone else changed since: the newer value stays for both, and a notice says there was nothing of hers to undo", async ({ newPerson, server }) => {
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Undo after someone else')
  const notice = ada.locator('.tlui-toast__main', { hasText: 'Nothing of yours to undo here' })
  // Right after opening, with nothing of hers to undo, Ctrl+Z says so instead of doing nothing silently.
  await ada.locator('.tl-container').click({ position: { x: 640, y: 200 } })
  await ada.keyboard.press('Control+z')
  await expect(notice).toBeVisible()
  await ada.locator('.tlui-toast__close').first().click()
  await expect(notice).toHaveCount(0)

  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(500, 400)
  await expect.poll(async () => (await shots(ben)).length).toBe(1)
  const adaTitle = ada.getByTestId('shot-inspector').getByLabel('Title')
  await adaTitle.fill('Gulls over the quay')
  await adaTitle.press('Escape')
  await expect.poll(async () => (await shots(ben))[0]?.props).toMatchObject({ title: 'Gulls over the quay' })

  // Ben retitles the same shot after Ada.
  await ben.mouse.click(500, 400)
  const benTitle = ben.getByTestId('shot-inspector').getByLabel('Title')
  await benTitle.fill('Gulls at dusk')
  await benTitle.press('Escape')
  await expect.poll(async () => (await shots(ada))[0]?.props).toMatchObject({ title: 'Gulls at dusk' })

  // Ada's undo would put back her title's old value, '' — over Ben's newer one. It leaves it, and says so.
  await ada.keyboard.press('Control+z')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('never what someone else has changed since')
  for (const page of [ada, ben]) {
    expect((await shots(page))[0]?.props).toMatchObject({ title: 'Gulls at dusk' })
  }

  // The undo before it takes her new shot away: a real undo, with no notice.
  await ada.locator('.tlui-toast__close').first().click()
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => (await shots(ben)).length).toBe(0)
  await expect(notice).toHaveCount(0)
})

test('after a rename on the canvas (Enter or Escape) the keys go back to the canvas with the shot selected: an arrow key nudges it', async ({
  newPerson,
  server,
}) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Rename then keys')
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(500, 400)
  await expect.poll(async () => (await shots(page)).length).toBe(1)
  const [shot] = await shots(page)
  const canvas = page.locator('.tl-container')
  const titleInput = shotPanel(page).getByLabel('Shot title')

  for (const key of ['Enter', 'Escape']) {
    // tldraw counts clicks at one place within its double-click window as one multi-click: a
    // double-click right after the click that placed the shot was its second and third clicks (a
    // triple click, no rename) — red in CI once. Let the window pass first.
    await page.waitForTimeout(50 + (await page.evaluate(() => window.editor!.options.doubleClickDurationMs)))
    await page.mouse.dblclick(500, 400)
    await expect(titleInput).toBeFocused()
    await page.keyboard.type(`Gulls ${key}`)
    await page.keyboard.press(key)
    await expect(titleInput).toHaveCount(0)
    // The keys went to <body> instead: nothing on the canvas answered the next arrow key or shortcut.
    await expect(canvas, `focus after ${key}`).toBeFocused()
    expect(await page.evaluate(() => window.editor?.getSelectedShapeIds())).toEqual([shot!.id])
    const before = (await shots(page))[0]!.x
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await shots(page))[0]!.x, `an arrow key after ${key} nudges the shot`).toBeGreaterThan(before)
  }
})

test('Reframe: zoom 200% and a drag in the frame show the picture’s left part on the canvas, the strip card, the other person’s Present stage and the print view; one Ctrl+Z takes back the drag', async ({
  newPerson,
  server,
}) => {
  // A wide picture, red on its left half and blue on its right: which colour shows where says which part is drawn.
  const { boardId, shot } = await boardWithPictureShot(server.url, 'Reframe', columnsPng(320, 90, (x) => (x < 160 ? [220, 30, 30] : [30, 30, 220])))

  const ada = await newPerson()
  await openBoard(ada, boardUrl(server.url, boardId))
  const ben = await newPerson()
  await ben.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(ben.getByText('Shot 1 of 1')).toBeVisible({ timeout: 60_000 })
  await expect(ben.locator('img.presentation-stage__media')).toHaveJSProperty('complete', true)

  await ada.evaluate(() => void window.editor!.selectAll())
  await ada.keyboard.press('Shift+2') // zoom to the selection
  const frame = ada.locator('.shot-panel__frame')
  await expect(frame.locator('img')).toHaveJSProperty('complete', true)
  const stage = ben.locator('.presentation-stage__shot')
  /** The colour three quarters across the middle of what `target` shows: red from the picture's left half, blue from its right. */
  const colourAtThreeQuarters = async (page: Page, target: Locator) => {
    const pixels = await screenPixels(page, target)
    const [r, , b] = pixels.at(Math.round(pixels.width * 0.75), Math.round(pixels.height / 2))
    return r > b ? 'red' : 'blue'
  }
  // Cropped from the centre (the middle half of this 32:9 picture): blue there.
  await expect.poll(() => colourAtThreeQuarters(ada, frame)).toBe('blue')

  const inspector = ada.getByTestId('shot-inspector')
  await inspector.getByRole('textbox', { name: 'Zoom (%)' }).fill('200')
  await expect.poll(async () => (await shots(ada))[0]?.props).toMatchObject({ pictureFraming: { zoom: 2, x: 0.5, y: 0.5 } })
  // Twice as close, from the centre: the middle quarter of the picture; still blue three quarters across.
  await expect.poll(() => colourAtThreeQuarters(ben, stage)).toBe('blue')

  // Reframe turns the frame into a drag surface: dragging a frame's width right moves the picture so
  // far right: of its travel (3 frame widths at 200%), a third gone, the frame now on its second eighth.
  await inspector.getByRole('button', { name: 'Reframe', exact: true }).click()
  const box = (await frame.boundingBox())!
  await ada.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await ada.mouse.down()
  await ada.mouse.move(box.x + box.width * 1.5, box.y + box.height / 2, { steps: 8 })
  await ada.mouse.up()
  await expect.poll(async () => (await shots(ada))[0]?.props).toMatchObject({ pictureFraming: { zoom: 2, x: expect.closeTo(1 / 6, 2), y: 0.5 } })
  await expect.poll(() => colourAtThreeQuarters(ada, frame)).toBe('red')
  await expect.poll(() => colourAtThreeQuarters(ben, stage)).toBe('red')
  // The strip card's thumbnail and the print view draw the same part of the picture (red), not its centre (blue).
  await expect.poll(() => colourAtThreeQuarters(ada, stripCard(ada, shot.id).locator('.strip-thumb'))).toBe('red')
  const printView = await newPerson()
  await printView.goto(`${boardUrl(server.url, boardId)}/print`)
  const printed = printView.locator(`[data-testid="print-panel"][data-shot-id="${shot.id}"] .print-panel__frame`)
  await expect(printed.locator('img')).toHaveJSProperty('complete', true, { timeout: 60_000 })
  await expect.poll(() => colourAtThreeQuarters(printView, printed)).toBe('red')
  // The drag moved the picture, not the shot.
  expect((await shots(ada))[0]).toMatchObject({ x: shot.x, y: shot.y })

  // Esc ends reframing; one Ctrl+Z takes back the drag (for both), keeping the zoom.
  await ada.keyboard.press('Escape')
  await expect(inspector.getByRole('button', { name: 'Reframe', exact: true })).toHaveAttribute('aria-pressed', 'false')
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => (await shots(ada))[0]?.props).toMatchObject({ pictureFraming: { zoom: 2, x: 0.5, y: 0.5 } })
  await expect.poll(() => colourAtThreeQuarters(ben, stage)).toBe('blue')
})
