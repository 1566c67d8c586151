import type { Locator, Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl, openBoard } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { longBoardShots } from './support/longBoard'
import { expect, test, type Fixtures } from './support/fixtures'
import { boardWithPictures, SHOTS, stagePicture } from './support/phoneReviewBoard'
import { IPHONE, IPHONE_SIDEWAYS, swipe, uncovered } from './support/touch'

// A client reviewing a storyboard on a phone: what they read, type into and tap.

/** A page on an iPhone of its own (a person from `newPerson`: closed after the test). */
function onIphone(newPerson: Fixtures['newPerson']): Promise<Page> {
  return newPerson(IPHONE)
}

test('on a phone the shot’s picture takes the screen’s width (a tall one fits above the controls), with the review panel under it', async ({ newPerson, server }) => {
  const path = await boardWithPictures(server.url)
  const phone = await onIphone(newPerson)
  await phone.goto(server.url + path)
  await expect(phone.locator('.presentation-stage__caption')).toHaveText(SHOTS[0]!.dialogue)
  // Named, the client has the comment box too: the panel under the picture is at its usual height.
  await phone.getByLabel('Your name').fill('Sarah')
  await expect(phone.getByRole('textbox', { name: 'Comment on shot 1.1…' })).toBeVisible()
  await phone.screenshot({ path: test.info().outputPath('phone-16x9.png') })

  // The hero picture is as wide as the stage (the phone less the stage's padding), not a thumbnail
  // squeezed by the review panel's share of the height.
  const stage = (await phone.locator('.presentation-stage').boundingBox())!
  const wide = await stagePicture(phone)
  expect(stage.width).toBeGreaterThan(380)
  expect(wide.width, 'the 16:9 picture is as wide as the phone').toBeGreaterThan(stage.width - 20)
  // The review panel comes under the picture and its caption.
  const caption = (await phone.locator('.presentation-stage__caption').boundingBox())!
  expect((await phone.locator('.presentation__aside').boundingBox())!.y).toBeGreaterThanOrEqual(caption.y + caption.height)

  // A 9:16 picture is as tall as fits: whole, above the player's controls, not below them.
  await phone.getByRole('button', { name: 'Next shot' }).tap()
  await expect(phone.locator('.presentation-stage__caption')).toHaveText(SHOTS[1]!.dialogue)
  const tall = await stagePicture(phone)
  const controls = (await phone.locator('.presentation-controls').boundingBox())!
  await phone.screenshot({ path: test.info().outputPath('phone-9x16.png') })
  expect(tall.y).toBeGreaterThanOrEqual(0)
  expect(tall.y + tall.height, 'the 9:16 picture ends above the controls').toBeLessThanOrEqual(controls.y)
  expect(tall.height).toBeGreaterThan(IPHONE.viewport.height / 3)
})

test('on a phone, upright and sideways, every field a client types in has 16 px text (Safari zooms into smaller ones) and every control is a 44 px tap target', async ({ newPerson, server }) => {
  const path = await boardWithPictures(server.url, 'lumen2026')
  const phone = await onIphone(newPerson)
  const fontSize = (field: Locator) => field.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  const tapSize = async (control: Locator) => {
    const box = (await control.boundingBox())!
    return Math.min(box.width, box.height)
  }

  await phone.goto(server.url + path)
  const passcode = phone.getByLabel('Passcode')
  expect(await fontSize(passcode), 'passcode').toBeGreaterThanOrEqual(16)
  await passcode.fill('lumen2026')
  const open = phone.getByRole('button', { name: 'Open' })
  expect(await tapSize(open), 'Open').toBeGreaterThanOrEqual(44)
  await open.tap()

  const name = phone.getByLabel('Your name')
  await expect(name).toBeVisible()
  expect(await fontSize(name), 'name').toBeGreaterThanOrEqual(16)
  await name.fill('Sarah')
  const comment = phone.getByRole('textbox', { name: 'Comment on shot 1.1…' })
  expect(await fontSize(comment), 'comment').toBeGreaterThanOrEqual(16)
  await comment.fill('Can the cup be our new mug?')
  const send = phone.getByRole('button', { name: 'Comment', exact: true })
  expect(await tapSize(send), 'Comment').toBeGreaterThanOrEqual(44)
  await send.tap()
  const reply = phone.getByRole('textbox', { name: 'Reply…' })
  await expect(reply).toBeAttached()
  expect(await fontSize(reply), 'reply').toBeGreaterThanOrEqual(16)
  for (const control of ['Approve', 'Request changes', 'Previous shot', 'Play', 'Next shot', 'Grid']) {
    expect(await tapSize(phone.getByRole('button', { name: control, exact: true })), control).toBeGreaterThanOrEqual(44)
  }
  await phone.screenshot({ path: test.info().outputPath('phone-controls.png') })

  // Turned sideways the phone is wider than the phone layout; it is still a finger on glass.
  await phone.setViewportSize(IPHONE_SIDEWAYS)
  await expect(phone.locator('.presentation__aside')).toBeInViewport()
  expect(await fontSize(name), 'name, landscape').toBeGreaterThanOrEqual(16)
  expect(await fontSize(comment), 'comment, landscape').toBeGreaterThanOrEqual(16)
  for (const control of ['Approve', 'Next shot', 'Grid']) {
    expect(await tapSize(phone.getByRole('button', { name: control, exact: true })), `${control}, landscape`).toBeGreaterThanOrEqual(44)
  }
  await phone.screenshot({ path: test.info().outputPath('phone-landscape.png') })
})

test('on a phone a swipe across the picture steps to the next or previous shot, and the next tap still sends; a drag up or down does not', async ({ newPerson, server }) => {
  const path = await boardWithPictures(server.url)
  const phone = await onIphone(newPerson)
  await phone.goto(server.url + path)
  const caption = phone.locator('.presentation-stage__caption')
  const position = phone.locator('.presentation-controls__shot')
  await expect(caption).toHaveText(SHOTS[0]!.dialogue)
  await stagePicture(phone)
  /** Points across the middle of the picture, where it is now. */
  const across = async () => {
    const frame = (await phone.locator('.presentation-stage__frame').boundingBox())!
    const y = frame.y + frame.height / 2
    return { y, left: frame.x + 40, middle: frame.x + frame.width / 2, right: frame.x + frame.width - 40 }
  }

  // A drag mostly upwards (if a little leftwards) is the page scrolling, not a turn to the next shot.
  const { y, middle } = await across()
  await swipe(phone, { x: middle + 35, y: y + 70 }, { x: middle - 35, y: y - 70 })
  await expect(position).toHaveText('Shot 1 of 2')
  await expect(caption).toHaveText(SHOTS[0]!.dialogue)
  // Right to left, as a page is turned: the next shot.
  const at = await across()
  await swipe(phone, { x: at.right, y: at.y }, { x: at.left, y: at.y })
  await expect(position).toHaveText('Shot 2 of 2')
  await expect(caption).toHaveText(SHOTS[1]!.dialogue)
  // Left to right: back to the first.
  const now = await across()
  await swipe(phone, { x: now.left, y: now.y }, { x: now.right, y: now.y })
  await expect(position).toHaveText('Shot 1 of 2')
  await expect(caption).toHaveText(SHOTS[0]!.dialogue)
  // The first tap after a swipe is a tap: the swipe started no fling for it to stop instead.
  await phone.getByLabel('Your name').fill('Sarah')
  await phone.getByRole('textbox', { name: /^Comment on shot 1\.1/ }).fill('Nice')
  await phone.getByRole('button', { name: 'Comment', exact: true }).tap()
  await expect(phone.getByRole('status').filter({ hasText: 'Comment sent' }), 'sent on the first tap').toBeVisible({ timeout: 2_000 })
})

/** How far the phone's page (picture, then review panel) is scrolled down. */
function pageScroll(page: Page): Promise<number> {
  return page.locator('.presentation__body').evaluate((body) => body.scrollTop)
}

test('on a phone, going to another shot from further down the page brings its picture into view, but not while the client types', async ({ newPerson, server }) => {
  const path = await boardWithPictures(server.url)
  const phone = await onIphone(newPerson)
  await phone.goto(server.url + path)
  await phone.getByLabel('Your name').fill('Sarah')
  const position = phone.locator('.presentation-controls__shot')
  await stagePicture(phone)
  // Scrolled down to the comment box (and out of it again), the client taps Next: the next shot's picture is on screen, whole.
  const comment = phone.getByRole('textbox', { name: 'Comment on shot 1.1…' })
  await comment.tap()
  await phone.locator('.presentation__body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }))
  expect(await pageScroll(phone)).toBeGreaterThan(100)
  await phone.screenshot({ path: test.info().outputPath('phone-scrolled-down.png') })
  await phone.getByRole('button', { name: 'Next shot' }).tap()
  await expect(position).toHaveText('Shot 2 of 2')
  await expect(phone.locator('img.presentation-stage__media')).toBeInViewport({ ratio: 1 })
  await phone.screenshot({ path: test.info().outputPath('phone-next-shot.png') })
  // Previous too.
  await phone.locator('.presentation__body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }))
  await phone.getByRole('button', { name: 'Previous shot' }).tap()
  await expect(position).toHaveText('Shot 1 of 2')
  await expect(phone.locator('img.presentation-stage__media')).toBeInViewport({ ratio: 1 })

  // Typing their name, a swipe across the picture's lower half turns the shot but leaves the page where it is.
  await phone.getByLabel('Your name').focus()
  await phone.locator('.presentation__body').evaluate((body) => body.scrollTo({ top: 60 }))
  const frame = (await phone.locator('.presentation-stage__frame').boundingBox())!
  const y = frame.y + frame.height - 40
  expect(y).toBeGreaterThan(100)
  await swipe(phone, { x: frame.x + frame.width - 40, y }, { x: frame.x + 40, y })
  await expect(position).toHaveText('Shot 2 of 2')
  await expect(phone.getByLabel('Your name')).toBeFocused()
  expect(await pageScroll(phone)).toBe(60)
})

test('on a phone, a comment just sent comes into view under the comment box and is announced as sent', async ({ newPerson, server }) => {
  const path = await boardWithPictures(server.url)
  const phone = await onIphone(newPerson)
  await phone.goto(server.url + path)
  await phone.getByLabel('Your name').fill('Sarah')
  const comment = phone.getByRole('textbox', { name: 'Comment on shot 1.1…' })
  for (const text of ['The steam could rise slower.', 'Warmer light on the cup, please.']) {
    await comment.fill(text)
    await phone.getByRole('button', { name: 'Comment', exact: true }).tap()
    await expect(phone.locator('.comment-thread').filter({ hasText: text })).toBeInViewport({ ratio: 1 })
    await expect(phone.getByRole('status').filter({ hasText: 'Comment sent' })).toBeVisible()
  }
  await phone.screenshot({ path: test.info().outputPath('phone-comment-sent.png') })
  // Typing the next comment, the line about the last one goes.
  await comment.fill('And a last one')
  await expect(phone.getByText('Comment sent')).toHaveCount(0)
})

test('on a phone the player’s controls take two rows (buttons, then clock and timeline), each button still a 44 px tap target', async ({ newPerson, server }) => {
  const path = await boardWithPictures(server.url)
  const phone = await onIphone(newPerson)
  await phone.goto(server.url + path)
  await stagePicture(phone)
  const controls = phone.locator('.presentation-controls')
  await phone.screenshot({ path: test.info().outputPath('phone-player-controls.png') })
  const buttons = await controls.getByRole('button').all()
  expect(buttons.length, 'Previous, Play, Next, Grid, Full screen').toBe(5)
  const boxes = await Promise.all(buttons.map(async (button) => (await button.boundingBox())!))
  for (const [i, box] of boxes.entries()) {
    expect(Math.min(box.width, box.height), `button ${i + 1}`).toBeGreaterThanOrEqual(44)
    expect(box.y, `button ${i + 1} on the first row`).toBe(boxes[0]!.y)
  }
  // Under them, the clock and the timeline side by side: two rows in all, not a third of the screen.
  const boxOf = async (selector: string) => (await controls.locator(selector).boundingBox())!
  const clock = await boxOf('.presentation-controls__clock')
  const timeline = await boxOf('.presentation-timeline')
  const position = await boxOf('.presentation-controls__shot')
  expect(clock.y).toBeGreaterThanOrEqual(boxes[0]!.y + 44)
  expect(Math.abs(clock.y + clock.height / 2 - (timeline.y + timeline.height / 2))).toBeLessThan(4)
  expect(position.y + position.height, 'Shot 1 of 2 beside the buttons').toBeLessThanOrEqual(boxes[0]!.y + 44)
  expect(await controls.locator('.presentation-controls__shot').evaluate((el) => el.scrollWidth <= el.clientWidth), 'Shot 1 of 2 whole').toBe(true)
  expect((await controls.boundingBox())!.height).toBeLessThanOrEqual(110)
  await expect(controls).toBeInViewport({ ratio: 1 })
})

test('on a phone, upright and sideways, the timeline is a 44 px touch target (its track still thin) and the two rows of controls are no taller than two such targets', async ({ newPerson, server }) => {
  const path = await boardWithPictures(server.url)
  const phone = await onIphone(newPerson)
  await phone.goto(server.url + path)
  await stagePicture(phone)
  const controls = phone.locator('.presentation-controls')
  const timeline = phone.getByRole('slider', { name: 'Timeline' })
  const track = (await controls.locator('.presentation-timeline__segments').boundingBox())!
  const target = (await timeline.boundingBox())!
  await phone.screenshot({ path: test.info().outputPath('phone-timeline.png') })
  expect(target.height, 'the timeline’s touch target').toBeGreaterThanOrEqual(44)
  expect(track.height, 'the track drawn').toBeLessThanOrEqual(12)
  // Under the buttons, not over them; and two rows of 44 px targets with little to spare.
  const play = (await phone.getByRole('button', { name: 'Play' }).boundingBox())!
  expect(target.y).toBeGreaterThanOrEqual(play.y + play.height)
  expect((await controls.boundingBox())!.height).toBeLessThanOrEqual(2 * 44 + 14)
  // A finger on the target's upper edge, not on the track, still seeks: late in the film is the second shot.
  await phone.touchscreen.tap(target.x + target.width * 0.85, target.y + 3)
  await expect(phone.locator('.presentation-controls__shot')).toHaveText('Shot 2 of 2')

  await phone.setViewportSize(IPHONE_SIDEWAYS)
  expect((await timeline.boundingBox())!.height, 'the timeline’s touch target, sideways').toBeGreaterThanOrEqual(44)
})

/** A review link opened on a phone held sideways (844×390) by Sarah, who comments `comments` on the first shot; the comment box and its button. */
async function sidewaysWithComments(newPerson: Fixtures['newPerson'], serverUrl: string, comments: string[]): Promise<{ phone: Page; comment: Locator; send: Locator }> {
  const path = await boardWithPictures(serverUrl)
  const phone = await onIphone(newPerson)
  await phone.setViewportSize(IPHONE_SIDEWAYS)
  await phone.goto(serverUrl + path)
  await phone.getByLabel('Your name').fill('Sarah')
  const comment = phone.getByRole('textbox', { name: 'Comment on shot 1.1…' })
  const send = phone.getByRole('button', { name: 'Comment', exact: true })
  for (const text of comments) {
    await comment.fill(text)
    await send.tap()
    await expect(phone.locator('.comment-thread').filter({ hasText: text })).toBeVisible()
  }
  return { phone, comment, send }
}

test('on a phone held sideways, the comment box and its Comment button are in view beside the picture whatever is above them, and the comments scroll above them', async ({ newPerson, server }) => {
  const { phone, comment, send } = await sidewaysWithComments(newPerson, server.url, ['The steam could rise slower.', 'Warmer light on the cup, please.', 'Can the cup be our new mug?'])
  // Opened again (the panel at its top): the box and its button are there without scrolling.
  await phone.reload()
  await expect(phone.locator('.comment-thread')).toHaveCount(3)
  await phone.screenshot({ path: test.info().outputPath('phone-landscape-comments.png') })
  await expect(comment).toBeInViewport({ ratio: 1 })
  await expect(send).toBeInViewport({ ratio: 1 })
  await comment.tap()
  await phone.keyboard.type('One more')
  await expect(send).toBeInViewport({ ratio: 1 })
  await expect(send).toBeEnabled()
  // The comments scroll above the box: the last one, scrolled to, ends above it, not under it.
  await phone.locator('.comment-thread').last().evaluate((thread) => thread.scrollIntoView({ block: 'end' }))
  const last = (await phone.locator('.comment-thread').last().boundingBox())!
  expect(last.y + last.height).toBeLessThanOrEqual((await comment.boundingBox())!.y)
  await phone.screenshot({ path: test.info().outputPath('phone-landscape-scrolled.png') })
})

test('on a phone the stage label gives a long shot title one line, cut with an ellipsis, and the scene a line of its own; sideways the scene stays whole beside the title', async ({ newPerson, server }) => {
  const path = await boardWithPictures(server.url)
  const phone = await onIphone(newPerson)
  await phone.goto(server.url + path)
  await stagePicture(phone)
  const title = phone.locator('.presentation-stage__title')
  const scene = phone.locator('.presentation-stage__scene')
  const lineHeight = (el: Locator) => el.evaluate((node) => parseFloat(getComputedStyle(node).fontSize) * 1.5)
  const cut = (el: Locator) => el.evaluate((node) => getComputedStyle(node).textOverflow === 'ellipsis' && node.scrollWidth > node.clientWidth)
  const whole = (el: Locator) => el.evaluate((node) => node.scrollWidth <= node.clientWidth)
  await phone.screenshot({ path: test.info().outputPath('phone-stage-label.png') })
  const titleBox = (await title.boundingBox())!
  const sceneBox = (await scene.boundingBox())!
  expect(titleBox.height, 'the title on one line').toBeLessThan(await lineHeight(title))
  expect(await cut(title), 'the title cut with an ellipsis').toBe(true)
  expect(sceneBox.y, 'the scene under the title').toBeGreaterThanOrEqual(titleBox.y + titleBox.height)
  expect(sceneBox.height, 'the scene on one line').toBeLessThan(await lineHeight(scene))
  expect(await whole(scene), 'Morning ritual whole').toBe(true)
  // No hover for its tooltip: a tap shows the title whole, over more lines, until the next tap.
  await title.tap()
  await expect.poll(() => whole(title), 'the title whole once tapped').toBe(true)
  expect((await title.boundingBox())!.height, 'on more lines').toBeGreaterThan(await lineHeight(title))
  expect(await title.textContent()).toBe(SHOTS[0]!.title)
  await phone.screenshot({ path: test.info().outputPath('phone-stage-title-whole.png') })
  await title.tap()
  await expect.poll(() => cut(title), 'cut again on the next tap').toBe(true)

  await phone.setViewportSize(IPHONE_SIDEWAYS)
  await phone.screenshot({ path: test.info().outputPath('phone-landscape-stage-label.png') })
  const sideways = { title: (await title.boundingBox())!, scene: (await scene.boundingBox())! }
  const stage = (await phone.locator('.presentation-stage').boundingBox())!
  expect(sideways.scene.x + sideways.scene.width, 'the label within the stage, beside the review panel').toBeLessThanOrEqual(stage.x + stage.width)
  expect(sideways.title.height, 'the title on one line, sideways').toBeLessThan(await lineHeight(title))
  expect(sideways.scene.height, 'the scene on one line, sideways').toBeLessThan(await lineHeight(scene))
  expect(await whole(scene), 'Morning ritual whole, sideways').toBe(true)
  expect(sideways.scene.x, 'the scene after the title').toBeGreaterThanOrEqual(sideways.title.x + sideways.title.width)
})

test('on a phone held sideways, the verdict buttons are in view without scrolling, under a long title and above comments, and the comment box stays usable', async ({ newPerson, server }) => {
  const { phone, comment, send } = await sidewaysWithComments(newPerson, server.url, ['The steam could rise slower.', 'Warmer light on the cup, please.'])
  // Opened again, the panel at its top: the shot's name, both verdicts and the comment box are in view as they are.
  await phone.reload()
  await expect(phone.locator('.comment-thread')).toHaveCount(2)
  await phone.screenshot({ path: test.info().outputPath('phone-landscape-verdicts.png') })
  const approve = phone.getByRole('button', { name: 'Approve', exact: true })
  await expect(phone.getByRole('heading', { name: /^Shot 1\.1/ })).toBeInViewport()
  for (const control of [approve, phone.getByRole('button', { name: 'Request changes', exact: true }), comment, send]) {
    await expect(control).toBeInViewport({ ratio: 1 })
    // Not under anything (a sticky bar, the comments): a tap at its corner reaches it.
    const reached = await control.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return el.contains(document.elementFromPoint(box.x + 8, box.y + 8))
    })
    expect(reached, 'not covered').toBe(true)
  }
  await approve.tap()
  await expect(approve).toHaveAttribute('aria-pressed', 'true')
  // Scrolled down to the last comment, the verdicts are still a tap away.
  await phone.locator('.comment-thread').last().evaluate((thread) => thread.scrollIntoView({ block: 'end' }))
  await expect(approve).toBeInViewport({ ratio: 1 })
  // The comment box takes a comment, its button in view while one types.
  await comment.tap()
  await phone.keyboard.type('One more')
  await expect(send).toBeInViewport({ ratio: 1 })
  await send.tap()
  await expect(phone.locator('.comment-thread')).toHaveCount(3)
})

test('on the board on a phone, the first shot opens and Find brings a shot in with its header clear of the top bar and the find bar; a tap on a shot shows its whole title', async ({ newPerson, server }) => {
  test.setTimeout(150_000) // a canvas load and touch input, on a busy machine
  const { boardId, client, scene, shots } = await longBoardShots(server.url, 'Lumen Coffee — 30s spot', 3)
  const [first, , last] = shots.map((shot, i) => (i === 2 ? { ...shot, x: 4000, y: 3000 } : i === 0 ? { ...shot, props: { ...shot.props, title: SHOTS[0]!.title } } : shot))
  client.doc.transact(() => putRecords(client.doc, [scene, first!, shots[1]!, last!] as never))
  client.destroy()
  const phone = await onIphone(newPerson)
  await openBoard(phone, boardUrl(server.url, boardId))
  const header = (id: string) => phone.locator(`.tl-shape[data-shape-id="${id}"] .shot-panel__header`)
  await expect.poll(() => uncovered(header(first!.id)), 'the first shot’s header, as the board opens').toBe(true)
  await phone.screenshot({ path: test.info().outputPath('board-phone-open.png') })

  const found = phone.getByTestId('find-bar').getByRole('searchbox')
  const selected = () => phone.evaluate(() => window.editor!.getSelectedShapeIds())
  await phone.keyboard.press('Control+f')
  await found.fill('Shot 3')
  await found.press('Enter')
  await expect.poll(selected).toEqual([last!.id])
  await expect.poll(() => uncovered(header(last!.id)), 'the found shot’s header').toBe(true)
  // Back to the first shot, above and left of the view: it comes in at the top, below the find bar.
  await found.fill('First sip')
  await found.press('Enter')
  await expect.poll(selected).toEqual([first!.id])
  await expect.poll(() => uncovered(header(first!.id)), 'the found first shot’s header').toBe(true)
  await phone.screenshot({ path: test.info().outputPath('board-phone-find.png') })
  await found.press('Escape')
  await phone.keyboard.press('Escape')
  await expect.poll(selected).toEqual([])

  // Cut short on the canvas, the title is whole once the shot is tapped (selected).
  const title = header(first!.id).getByTestId('shot-title')
  const whole = () => title.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)
  expect(await whole(), 'cut with an ellipsis').toBe(false)
  await title.tap({ force: true }) // tldraw's canvas takes the touch and hit-tests the shot under it
  await expect.poll(selected).toEqual([first!.id])
  await expect.poll(whole, 'whole once selected').toBe(true)
  expect(await title.textContent()).toBe(SHOTS[0]!.title)
  await phone.screenshot({ path: test.info().outputPath('board-phone-title.png') })
  // A drag from the whole title moves the shot, as from anywhere on it. Past tldraw's double-tap
  // time after the tap, which a touch this soon would make a double tap (editing the title).
  await phone.waitForTimeout(50 + (await phone.evaluate(() => window.editor!.options.doubleClickDurationMs)))
  const box = (await title.boundingBox())!
  const from = { x: box.x + box.width / 2, y: box.y + box.height - 6 }
  await swipe(phone, from, { x: from.x, y: from.y + 80 })
  await expect.poll(async () => (await shotsOnPage(phone)).find((shot) => shot.id === first!.id)?.y).toBeGreaterThan(60)
})
