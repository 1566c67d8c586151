import { textContrasts } from './support/contrast'
import { expect, test } from './support/fixtures'
import { boardUnderReview } from './support/reviewBoard'

/** The reviewer's side panel on a review link: the comment box and the verdict buttons. */

test('a comment that could not be sent says so until it is edited or sent again, and offers to try again', async ({ newPerson, server }) => {
  test.setTimeout(150_000) // offline and back: the page reconnects after its backoff
  const { path, reviewer } = await boardUnderReview(newPerson, server.url, 'Flaky', { title: 'Pier', dialogue: 'Gulls.' })
  await reviewer.goto(server.url + path)
  await reviewer.getByLabel('Your name').fill('Kim')
  const composer = reviewer.locator('.review-panel .comment-composer')
  const box = composer.getByLabel('Comment on shot 1…')
  const problem = composer.getByRole('alert')
  await box.fill('Lower horizon')

  await reviewer.context().setOffline(true)
  await composer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(problem).toContainText('Cannot reach the Storyloom server')
  await expect(box).toHaveValue('Lower horizon') // kept for another try
  // Once the text changes, the line about the last try no longer applies.
  await box.fill('Lower horizon, please')
  await expect(problem).toHaveCount(0)

  await composer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(problem).toContainText('Cannot reach the Storyloom server')
  await reviewer.context().setOffline(false)
  // Connected again (the presentation's offline notice is gone), the line still says it was not sent.
  await expect(reviewer.getByTestId('presentation-connection')).toHaveCount(0, { timeout: 30_000 })
  await expect(problem).toContainText('Cannot reach the Storyloom server')
  await problem.getByRole('button', { name: 'Try again' }).click()
  await expect(reviewer.locator('.comment__body')).toHaveText('Lower horizon, please')
  await expect(problem).toHaveCount(0)
  await expect(box).toHaveValue('')
  // Sending takes neither the keyboard's place away (Try again is gone, Comment waits for text)…
  const send = composer.getByRole('button', { name: 'Comment', exact: true })
  await expect(send).toBeFocused()
  // …nor does a comment sent with Enter on the button: the next Tab goes on from there.
  await box.fill('And the pier lights on')
  await send.press('Enter')
  await expect(reviewer.locator('.comment__body').filter({ hasText: 'And the pier lights on' })).toHaveCount(1)
  await expect(box).toHaveValue('')
  await expect(send).toBeFocused()
})

test('a reviewer takes back their own verdict by pressing it again; the team and another reviewer see it go', async ({ newPerson, server }) => {
  const { editor, path, reviewer: kim } = await boardUnderReview(newPerson, server.url, 'Undecided', { title: 'Door', dialogue: 'Knock knock.' })
  await kim.goto(server.url + path)
  await kim.getByLabel('Your name').fill('Kim')
  const approve = kim.getByRole('button', { name: 'Approve' })
  await approve.click()
  await expect(approve).toHaveAttribute('aria-pressed', 'true')
  const lee = await newPerson()
  await lee.goto(server.url + path)
  await lee.getByLabel('Your name').fill('Lee')
  await expect(lee.locator('.review-panel__status')).toHaveText('Approved by Kim')
  const panel = editor.locator('.shot-panel').filter({ hasText: 'Door' })
  await expect(panel.locator('.shot-panel__status')).toHaveText('Approved')
  await expect(panel.getByTestId('shot-review-badge')).toHaveAttribute('data-verdict', 'approved')

  // Pressed by mistake: pressing it again takes it back, for everyone.
  await expect(approve).toHaveAttribute('title', /take back/i)
  await approve.click()
  await expect(approve).toHaveAttribute('aria-pressed', 'false')
  await expect(kim.locator('.review-panel__status')).toHaveCount(0)
  await expect(lee.locator('.review-panel__status')).toHaveCount(0)
  await expect(panel.getByTestId('shot-review-badge')).toHaveCount(0)
  await expect(panel.locator('.shot-panel__status')).toHaveText('In review')
  await expect(kim.getByRole('alert')).toHaveCount(0)

  // And a verdict can be given again after it.
  await kim.getByRole('button', { name: 'Request changes' }).click()
  await expect(lee.locator('.review-panel__status')).toHaveText('Changes requested by Kim')
})

test('a verdict is shown as yours only in the browser that gave it, not in another typing the same name', async ({ newPerson, server }) => {
  const { path, reviewer: kim } = await boardUnderReview(newPerson, server.url, 'Namesakes', { title: 'Gate', dialogue: 'Who goes there?' })
  await kim.goto(server.url + path)
  await kim.getByLabel('Your name').fill('Kim')
  const kimsApprove = kim.getByRole('button', { name: 'Approve' })
  await kimsApprove.click()
  await expect(kimsApprove).toHaveAttribute('aria-pressed', 'true')
  await expect(kim.locator('.review-panel__status')).toHaveText('Approved by Kim (you)')

  // Someone else, in another browser, types the same name: Kim's approval is not theirs to take back.
  const namesake = await newPerson()
  await namesake.goto(server.url + path)
  await namesake.getByLabel('Your name').fill('Kim')
  const theirApprove = namesake.getByRole('button', { name: 'Approve' })
  await expect(namesake.locator('.review-panel__status')).toHaveText('Approved by Kim')
  await expect(theirApprove).toHaveAttribute('aria-pressed', 'false')
  await expect(theirApprove).not.toHaveAttribute('title', /take back/i)

  // Their press gives an approval of their own (replacing Kim's), not a refused withdrawal.
  await theirApprove.click()
  await expect(theirApprove).toHaveAttribute('aria-pressed', 'true')
  await expect(namesake.locator('.review-panel__status')).toHaveText('Approved by Kim (you)')
  await namesake.locator('.review-panel').screenshot({ path: test.info().outputPath('namesake-panel.png') })
  await expect(namesake.getByRole('alert')).toHaveCount(0)
  // Kim's is replaced: no longer shown as Kim's to take back; the line says whose it is no more.
  await expect(kimsApprove).toHaveAttribute('aria-pressed', 'false')
  await expect(kim.locator('.review-panel__status')).toHaveText('Approved by Kim')
  await expect(kimsApprove).not.toHaveAttribute('title', /take back/i)
})

test("a verdict the server accepted is shown pressed at once; a review page asks whose verdicts are its own on verdicts, not on comments", async ({ newPerson, server }) => {
  const { path, reviewer: kim } = await boardUnderReview(newPerson, server.url, 'Chatty', { title: 'Pier', dialogue: 'Gulls.' })
  const lee = await newPerson()
  let leeAsked = 0
  lee.on('request', (request) => {
    if (request.url().endsWith('/verdicts/mine')) leeAsked++
  })
  await lee.goto(server.url + path)
  await lee.getByLabel('Your name').fill('Lee')
  await kim.goto(server.url + path)
  await kim.getByLabel('Your name').fill('Kim')
  await expect.poll(() => leeAsked).toBeGreaterThan(0)
  const before = leeAsked

  // Kim comments twice: Lee's page shows the comments without asking about verdicts again.
  const box = kim.locator('.review-panel .comment-composer').getByLabel('Comment on shot 1…')
  for (const body of ['Lower horizon', 'Warmer light']) {
    await box.fill(body)
    await kim.locator('.review-panel .comment-composer').getByRole('button', { name: 'Comment', exact: true }).click()
    await expect(lee.locator('.comment__body', { hasText: body })).toBeVisible()
  }
  expect(leeAsked).toBe(before)

  // Kim's answers about her own verdicts no longer arrive: the verdict the server accepted is pressed all the same.
  await kim.route('**/verdicts/mine', (route) => route.abort())
  const approve = kim.getByRole('button', { name: 'Approve' })
  await approve.click()
  await expect(approve).toHaveAttribute('aria-pressed', 'true')
  await expect(kim.locator('.review-panel__status')).toHaveText('Approved by Kim (you)')
  // A verdict does make Lee's page ask (it may have become or stopped being Lee's).
  await expect.poll(() => leeAsked).toBeGreaterThan(before)
  await expect(lee.locator('.review-panel__status')).toHaveText('Approved by Kim')
})

test('a first verdict stays pressed when the answer to "which verdicts are mine?", asked before the browser had its reviewer key, arrives after the verdict', async ({ newPerson, server }) => {
  const { path, reviewer: kim } = await boardUnderReview(newPerson, server.url, 'Slow line', { title: 'Dock', dialogue: 'Ropes.' })
  // The order a loaded machine can deliver things in: the server saves Kim's first verdict and tells
  // the board (her page asks again whose verdicts are hers) while its answer to her, with the cookie
  // that gives her browser its reviewer key, is still on the way. Asked without the key, the server
  // answers "none", and here that answer arrives last.
  let verdictAnswered: () => void = () => {}
  const answered = new Promise<void>((resolve) => (verdictAnswered = resolve))
  let giving = false
  await kim.route('**/verdicts', async (route) => {
    giving = true
    const response = await route.fetch()
    await new Promise((resolve) => setTimeout(resolve, 500))
    await route.fulfill({ response })
    giving = false
    verdictAnswered()
  })
  let keyless = 0
  await kim.route('**/verdicts/mine', async (route) => {
    if (!giving) return route.continue()
    keyless++
    await answered
    await new Promise((resolve) => setTimeout(resolve, 300))
    await route.fulfill({ json: { verdicts: [] } }).catch(() => {}) // the page may have stopped waiting for it
  })
  await kim.goto(server.url + path)
  await kim.getByLabel('Your name').fill('Kim')
  const approve = kim.getByRole('button', { name: 'Approve' })
  await approve.click()
  await expect(approve).toHaveAttribute('aria-pressed', 'true')
  expect(keyless, 'the board told the page of the verdict before the server answered the press').toBeGreaterThan(0)
  await kim.waitForTimeout(800) // past the late answer
  await expect(approve).toHaveAttribute('aria-pressed', 'true')
  await expect(kim.locator('.review-panel__status')).toHaveText('Approved by Kim (you)')
})

test('on a phone the comment box comes before the comments; on a desktop it stays after them', async ({ newPerson, server }) => {
  const { path, shotId, reviewer } = await boardUnderReview(newPerson, server.url, 'Chatty', { title: 'Pier', dialogue: 'Gulls.' })
  const token = path.split('/').at(-1)!
  for (let i = 1; i <= 6; i++) {
    const body = `Note ${i}: the gulls should cross the frame from left to right, and a little slower than now.`
    const posted = await fetch(`${server.url}/api/review/${token}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ anchor: { kind: 'shot', shotId }, body, authorName: 'Lee' }),
    })
    expect(posted.status).toBe(201)
  }
  await reviewer.setViewportSize({ width: 390, height: 844 })
  await reviewer.goto(server.url + path)
  await reviewer.getByLabel('Your name').fill('Kim')
  await expect(reviewer.locator('.comment-thread')).toHaveCount(6)
  const box = reviewer.getByLabel('Comment on shot 1…')
  // Reachable without scrolling past six comments, and before them in reading (and Tab) order.
  await expect(box).toBeInViewport()
  const order = await reviewer.locator('.review-panel').evaluate((panel) => {
    const composer = panel.querySelector('.comment-composer')!
    const thread = panel.querySelector('.comment-thread')!
    return composer.compareDocumentPosition(thread) & Node.DOCUMENT_POSITION_FOLLOWING ? 'box first' : 'comments first'
  })
  expect(order).toBe('box first')

  // A desktop keeps the box under the conversation, beside the picture: at the panel's foot, the comments scrolling above it.
  await reviewer.setViewportSize({ width: 1280, height: 800 })
  await expect(box).toBeInViewport({ ratio: 1 })
  await reviewer.locator('.comment-thread').last().evaluate((thread) => thread.scrollIntoView({ block: 'end' }))
  const lastThread = (await reviewer.locator('.comment-thread').last().boundingBox())!
  const boxAtDesktop = (await box.boundingBox())!
  expect(boxAtDesktop.y).toBeGreaterThan(lastThread.y + lastThread.height - 1)
})

test("a comment's time stays on one line beside a long reviewer name, on a phone and a laptop", async ({ newPerson, server }) => {
  const { path, shotId, reviewer } = await boardUnderReview(newPerson, server.url, 'Lumen', { title: 'Alarm', dialogue: '' })
  const token = path.split('/').at(-1)!
  const posted = await fetch(`${server.url}/api/review/${token}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ anchor: { kind: 'shot', shotId }, body: 'Can the alarm read as 6 AM?', authorName: 'Dana Whitfield (Lumen Coffee)' }),
  })
  expect(posted.status).toBe(201)
  // The lines the time's text is laid out on ("just now" was broken over two at 340 px).
  const timeLines = () =>
    reviewer.locator('.comment__time').evaluate((time) => {
      const range = document.createRange()
      range.selectNodeContents(time)
      return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size
    })
  for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
    await reviewer.setViewportSize(viewport)
    await reviewer.goto(server.url + path)
    await expect(reviewer.locator('.comment__author')).toHaveText('Dana Whitfield (Lumen Coffee)')
    expect(await timeLines(), `at ${viewport.width}×${viewport.height}`).toBe(1)
  }
})

test('a thread the team resolved reads on the review page at WCAG AA contrast (4.5:1), every line of it', async ({ newPerson, server }) => {
  test.setTimeout(150_000) // two browsers, and the review page's first load parses the canvas bundle
  const { editor, path, reviewer } = await boardUnderReview(newPerson, server.url, 'Settled', { title: 'Door', dialogue: 'Knock.' })
  await reviewer.goto(server.url + path)
  await reviewer.getByLabel('Your name').fill('Kim', { timeout: 45_000 })
  await reviewer.getByLabel(/Comment on shot 1/).fill('Slower please')
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click()
  await editor.getByRole('button', { name: /^Comments/ }).click()
  await editor.locator('.comments-menu').getByRole('button', { name: 'Resolve' }).click()

  const resolved = reviewer.locator('.comment-thread--resolved')
  await expect(resolved).toContainText('Resolved by', { timeout: 30_000 })
  await resolved.screenshot({ path: test.info().outputPath('resolved-thread.png') })
  const contrasts = await textContrasts(resolved)
  expect(contrasts.map((c) => c.text)).toEqual(expect.arrayContaining(['Kim', 'Slower please', 'just now']))
  expect(contrasts.filter((c) => c.ratio < 4.5)).toEqual([])
  // Its Reply button (which reopens the thread) is inactive until something is typed; then its text counts too.
  expect(contrasts.map((c) => c.text)).not.toContain('Reply')
  await resolved.getByRole('textbox').fill('One more thing')
  const typed = await textContrasts(resolved)
  expect(typed.map((c) => c.text)).toContain('Reply')
  expect(typed.filter((c) => c.ratio < 4.5)).toEqual([])
})
