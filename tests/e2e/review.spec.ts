import { createBoard, onePersonOnBoard, twoPeopleOnBoard } from './support/boardPage'
import { setUserName, shotsOnPage as shots } from './support/editorState'
import { expect, test } from './support/fixtures'
import { addShot, boardUnderReview, reviewerOfTwoShots, reviewLinkExpiringIn, type ShotFields } from './support/reviewBoard'
import { stripCard } from './support/sequenceStrip'

test('an editor shares a review link; the reviewer plays the animatic, comments and approves; the editor sees it live', async ({ newPerson, server }) => {
  const { url, page: editor } = await onePersonOnBoard(newPerson, server.url, 'Perfume spot')
  const first = await addShot(editor, { x: 360, y: 320 }, { title: 'Bottle reveal', dialogue: 'Some things last forever.' })
  const second = await addShot(editor, { x: 820, y: 320 }, { title: 'Skyline', dialogue: 'Like this night.' })

  // The editor creates a review link from the board.
  await editor.getByRole('button', { name: 'Review link' }).click()
  // The label heads the reviewer's page: the menu says so before anyone types an internal note there.
  await expect(editor.getByLabel('Link label')).toHaveAccessibleDescription('The reviewer sees this label beside the board name.')
  await editor.getByLabel('Link label').fill('Client — round 1')
  await editor.getByRole('button', { name: 'Create link' }).click()
  const copy = editor.locator('.share-links__item').first().getByRole('button', { name: 'Copy' })
  await expect(copy).toBeVisible()
  const path = await copy.getAttribute('data-review-path')
  expect(path).toMatch(/^\/review\/[A-Za-z0-9_-]{43}$/)
  await editor.keyboard.press('Escape')

  // The reviewer: another browser, no account, no storage of the editor's.
  const reviewer = await newPerson()
  await reviewer.goto(server.url + path!)
  await expect(reviewer.locator('.presentation__title')).toHaveText('Perfume spot · Client — round 1')
  const caption = reviewer.locator('.presentation-stage__caption')
  await expect(caption).toHaveText('Some things last forever.')
  await reviewer.getByRole('button', { name: 'Play' }).click()
  await expect(caption).toHaveText('Like this night.') // shot 2 after shot 1's 1.5 s
  await expect(reviewer.getByRole('button', { name: 'Play' })).toBeVisible() // stopped at the end

  // Live: the editor rewrites shot 2's line while the reviewer watches; the caption follows.
  await stripCard(editor, second).click()
  await editor.getByTestId('shot-inspector').getByLabel('Dialogue / VO').fill('Like tonight.')
  await expect(caption).toHaveText('Like tonight.')

  // Back to shot 1 (arrow key), a comment and an approval.
  await reviewer.keyboard.press('ArrowLeft')
  await expect(caption).toHaveText('Some things last forever.')
  // The team sees someone reviewing, by name once it is typed, in the people menu.
  await expect(editor.getByTestId('reviewer-count')).toHaveText('1')
  await reviewer.getByLabel('Your name').fill('Carla (client)')
  await editor.locator('.people-menu__button').click()
  await expect(editor.getByTestId('reviewers')).toHaveText(/Carla \(client\)/)
  await editor.keyboard.press('Escape')
  await reviewer.getByLabel(/Comment on shot 1/).fill('Love the reveal — a touch slower?')
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(reviewer.locator('.comment__body')).toHaveText('Love the reveal — a touch slower?')
  await reviewer.getByRole('button', { name: 'Approve' }).click()
  await expect(reviewer.locator('.review-panel__status')).toHaveText('Approved by Carla (client) (you)')
  // Names are set apart from the sentence around them (a right-to-left name keeps its brackets).
  await expect(reviewer.locator('.review-panel__status bdi')).toHaveText('Carla (client)')
  await expect(reviewer.locator('.comment__author bdi')).toHaveText('Carla (client)')

  // The editor sees both appear on the shot, live: its badge and its status.
  const panel = editor.locator('.shot-panel').filter({ hasText: 'Bottle reveal' })
  await expect(panel.getByTestId('shot-review-badge')).toContainText('1')
  await expect(panel.locator('.shot-panel__status')).toHaveText('Approved')
  await expect.poll(async () => (await shots(editor)).find((s) => s.id === first)?.props).toMatchObject({ status: 'approved' })
  await editor.getByRole('button', { name: /Comments/ }).click()
  const thread = editor.locator('.comments-menu .comment-thread').first()
  await expect(thread).toContainText('Love the reveal — a touch slower?')
  await expect(thread).toContainText('Carla (client)')
  await expect(thread.locator('.comment-thread__place')).toHaveText('Shot 1 · Bottle reveal')

  // Presenting from shot 1 (Present starts on the selected shot), the team sees its review beside it and answers there.
  await editor.keyboard.press('Escape')
  await stripCard(editor, first).click()
  await editor.getByRole('link', { name: 'Present' }).click()
  const aside = editor.locator('.presentation__aside')
  await expect(aside.locator('.comment__body')).toHaveText('Love the reveal — a touch slower?')
  await expect(aside.locator('.review-panel__status')).toHaveText('Approved by Carla (client)')
  // The team is told that a reply in a reviewer's thread is for the reviewer's eyes too.
  await aside.getByLabel('Reply to the reviewer (they see it)…').fill('Will do, Carla.')
  await aside.getByRole('button', { name: 'Reply' }).click()
  await expect(reviewer.locator('.comment-thread').first()).toContainText('Will do, Carla.') // the reviewer sees the answer live
})

test('the team presents the board and keeps comment threads: pinned, mentioned, replied, resolved, live for everyone', async ({ newPerson, server }) => {
  const { url, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Heist')
  await addShot(ada, { x: 360, y: 320 }, { title: 'Vault door', dialogue: 'Now.' })

  // Present: its own address, the grid with number, duration and status, Esc back to the board.
  await ada.getByRole('link', { name: 'Present' }).click()
  // (on the shot selected on the board, named in the address's `#shot=`)
  await expect(ada).toHaveURL(/\/present(#shot=[\w-]+)?$/)
  await expect(ada.locator('.presentation-stage__caption')).toHaveText('Now.')
  await ada.keyboard.press('g')
  const card = ada.locator('.presentation-grid__card').first()
  await expect(card).toContainText('1')
  await expect(card).toContainText('Vault door')
  await expect(card).toContainText('1.5s')
  await expect(card).toContainText('Draft')
  // A shot with no image nor sketch says so in its card, as on the stage (not a black frame).
  await expect(card.locator('.presentation-grid__frame')).toHaveText('No image yet')
  await ada.keyboard.press('Escape') // grid → player
  await ada.keyboard.press('Escape') // player → board
  await expect(ada).toHaveURL(url)
  await expect(ada.getByTestId('tools.select')).toBeVisible()

  // A comment pinned on the canvas (no shot selected), mentioning Ben.
  await ada.keyboard.press('Escape')
  await ada.getByRole('button', { name: /^Comments/ }).click()
  const composer = ada.getByLabel(/Comment pinned at the centre/)
  await composer.fill('Alarm panel goes here, @Be')
  // Closing the list (Esc, or a click on the canvas to look) keeps what was typed, as a reviewer's box does.
  await composer.press('Escape')
  await expect(ada.locator('.comments-menu')).toHaveCount(0)
  await ada.getByRole('button', { name: /^Comments/ }).click()
  await expect(composer).toHaveValue('Alarm panel goes here, @Be')
  await ada.getByRole('option', { name: '@Ben' }).click()
  await composer.press('End')
  await composer.pressSequentially('?')
  await ada.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(ada.locator('.comments-menu .comment__mention')).toHaveText('@Ben')

  // Ben sees the pin live, opens it and replies; Ada resolves it and it leaves Ben's canvas.
  const pin = ben.getByTestId('comment-pin')
  await expect(pin).toHaveCount(1)
  await expect(ben.getByRole('button', { name: /^Comments/ })).toContainText('@1') // a thread mentions him
  // On a phone Comments is under More: the mention shows on More's button, not only inside it.
  await ben.setViewportSize({ width: 390, height: 844 })
  const more = ben.getByRole('button', { name: /^More board controls/ })
  await expect(more).toHaveAccessibleName('More board controls: 1 open comment thread(s) mention you')
  await expect(more).toContainText('@1')
  await ben.setViewportSize({ width: 1280, height: 800 })
  await pin.getByRole('button').click()
  await pin.getByLabel('Reply…').fill('On it')
  await pin.getByRole('button', { name: 'Reply' }).click()
  await expect(ada.locator('.comments-menu .comment-thread').first()).toContainText('On it')
  // A resolve the server never gets says so (the thread stays open), and a second try goes through.
  await ada.route('**/comments/*', (route) => (route.request().method() === 'PATCH' ? route.abort() : route.fallback()))
  await ada.locator('.comments-menu').getByRole('button', { name: 'Resolve' }).click()
  await expect(ada.locator('.comments-menu .comment-thread [role="alert"]')).toHaveText('Not resolved: Cannot reach the Storyloom server.')
  await expect(pin).toHaveCount(1)
  await ada.unroute('**/comments/*')
  await ada.locator('.comments-menu').getByRole('button', { name: 'Resolve' }).click()
  await expect(pin).toHaveCount(0)
})

test('a review link with a passcode opens only with it, and stops working for the reviewer when the team turns it off; the team sees when and by whom', async ({ newPerson, server }) => {
  const { url, page: editor } = await onePersonOnBoard(newPerson, server.url, 'Teaser')
  await setUserName(editor, 'Ada')
  await addShot(editor, { x: 360, y: 320 }, { title: 'Logo', dialogue: 'Coming soon.' })

  await editor.getByRole('button', { name: 'Review link' }).click()
  await expect(editor.locator('.share-links')).toContainText('No review links yet.')
  await editor.getByLabel('Passcode').fill('abc') // too short: the server says why
  await editor.getByRole('button', { name: 'Create link' }).click()
  await expect(editor.locator('.share-links__error')).toContainText('at least 4 characters')
  await editor.getByLabel('Passcode').fill('blue heron')
  await editor.getByLabel('Expires').selectOption({ label: '7 days' })
  await editor.getByRole('button', { name: 'Create link' }).click()
  const item = editor.locator('.share-links__item').first()
  await expect(item).toContainText('passcode')
  await expect(item).toContainText(/Active · expires .*\d{1,2}:\d{2}/) // the time too: a link made at 17:00 ends at 17:00
  const path = await item.getByRole('button', { name: 'Copy' }).getAttribute('data-review-path')

  const reviewer = await newPerson()
  await reviewer.goto(server.url + path!)
  await expect(reviewer.getByRole('heading', { name: 'This review needs a passcode' })).toBeVisible()
  expect((await reviewer.getByLabel('Passcode').boundingBox())!.height).toBeGreaterThanOrEqual(28)
  await reviewer.getByLabel('Passcode').fill('red heron')
  await reviewer.getByRole('button', { name: 'Open' }).click()
  await expect(reviewer.getByRole('alert')).toHaveText('That is not the passcode of this review link.')
  await reviewer.getByLabel('Passcode').fill('blue heron')
  await reviewer.getByRole('button', { name: 'Open' }).click()
  await expect(reviewer.locator('.presentation-stage__caption')).toHaveText('Coming soon.')

  // A reload keeps it unlocked (the httpOnly cookie); turning the link off ends it at once.
  await reviewer.reload()
  await expect(reviewer.locator('.presentation-stage__caption')).toHaveText('Coming soon.')
  // Turn off asks first (it cannot be undone); Cancel keeps the link working.
  await item.getByRole('button', { name: 'Turn off' }).click()
  const confirmTurnOff = item.getByRole('group', { name: /Confirm turning off/ })
  await confirmTurnOff.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirmTurnOff).toBeHidden()
  await expect(reviewer.locator('.presentation-stage__caption')).toHaveText('Coming soon.')
  await item.getByRole('button', { name: 'Turn off' }).click()
  await confirmTurnOff.getByRole('button', { name: 'Turn off' }).click()
  await expect(reviewer.getByRole('heading', { name: 'This review link was turned off' })).toBeVisible()
  await reviewer.reload()
  await expect(reviewer.getByRole('heading', { name: 'This review link was turned off' })).toBeVisible()
  // The menu says when it was turned off (the time too) and by whom, the name isolated as every typed name.
  const meta = editor.locator('.share-links__item-meta').first()
  await expect(meta).toHaveText(/^Turned off .*\d{1,2}:\d{2}.* by Ada · passcode$/)
  await expect(meta.locator('bdi')).toHaveText('Ada')
})

test('a reviewer whose link expires while watching is told it expired, not that the team turned it off', async ({ newPerson, server }) => {
  test.setTimeout(180_000) // the server checks expiries every 30 s
  // 30 s: the reviewer's page must be open before the link expires, also on a busy machine.
  const { path, reviewer } = await boardUnderReview(newPerson, server.url, 'Trailer', { title: 'Title card', dialogue: 'This summer.' }, 30_000)
  await reviewer.goto(server.url + path)
  await expect(reviewer.locator('.presentation-stage__caption')).toHaveText('This summer.')
  // Open presentations of expired links are closed within the server's 30 s check.
  await expect(reviewer.getByRole('heading', { name: 'This review link has expired' })).toBeVisible({ timeout: 75_000 })
})

test('a reviewer whose connection drops is told the presentation may be out of date, until it returns', async ({ newPerson, server }) => {
  const { editor, shotId, path, reviewer } = await boardUnderReview(newPerson, server.url, 'Tunnel', { title: 'Platform', dialogue: 'Mind the gap.' })
  await reviewer.goto(server.url + path)
  const caption = reviewer.locator('.presentation-stage__caption')
  await expect(caption).toHaveText('Mind the gap.')
  const notice = reviewer.getByTestId('presentation-connection')
  await expect(notice).toHaveCount(0)

  await reviewer.context().setOffline(true)
  await expect(notice).toContainText('Offline')
  await expect(caption).toHaveText('Mind the gap.') // still presenting what it had
  await reviewer.context().setOffline(false)
  await expect(notice).toHaveCount(0)
  // Live again: the team's edit reaches the reviewer.
  await stripCard(editor, shotId).click()
  await editor.getByTestId('shot-inspector').getByLabel('Dialogue / VO').fill('Mind the step.')
  await expect(caption).toHaveText('Mind the step.')
})

test('a reviewer watching sees the board\'s new name, on the page and in the tab, when the team renames it', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Perfume spot')
  const reviewer = await newPerson()
  await reviewer.goto(server.url + (await reviewLinkExpiringIn(server.url, boardId, 3_600_000)))
  await expect(reviewer.locator('.presentation__title')).toHaveText('Perfume spot · Short', { timeout: 30_000 })
  await expect(reviewer).toHaveTitle('\u2068Perfume spot\u2069 · Review · Storyloom')

  const renamed = await fetch(`${server.url}/api/boards/${boardId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Perfume spot, final' }) })
  expect(renamed.status).toBe(200)
  await expect(reviewer.locator('.presentation__title bdi').first()).toHaveText('Perfume spot, final')
  await expect(reviewer).toHaveTitle('\u2068Perfume spot, final\u2069 · Review · Storyloom')
})

test('on a review link, the keyboard presses the focused button: Space approves, it does not play', async ({ newPerson, server }) => {
  const { path, reviewer } = await boardUnderReview(newPerson, server.url, 'Keys', { title: 'Door', dialogue: 'Knock knock.' })
  await reviewer.goto(server.url + path)
  await reviewer.getByLabel('Your name').fill('Kim')
  await reviewer.keyboard.press('Tab')
  await expect(reviewer.getByRole('button', { name: 'Approve' })).toBeFocused()
  await reviewer.keyboard.press('Space')
  await expect(reviewer.locator('.review-panel__status')).toHaveText('Approved by Kim (you)')
  await expect(reviewer.getByRole('button', { name: 'Approve' })).toHaveAttribute('aria-pressed', 'true')
  await expect(reviewer.getByRole('button', { name: 'Play' })).toBeVisible()
  // Away from any control, Space still plays.
  await reviewer.locator('.presentation-stage').click()
  await reviewer.keyboard.press('Space')
  await expect(reviewer.getByRole('button', { name: 'Pause' })).toBeVisible()
})

test('a comment a reviewer starts while the animatic plays stays on the shot it was started on, also through a shot change and a reload', async ({ newPerson, server }) => {
  test.setTimeout(150_000) // a board with two shots, two reviewer reloads
  // Shot 1 is long: the reviewer surely starts typing while it is on screen.
  const shots: [ShotFields, ShotFields] = [{ title: 'Harbour', dialogue: 'Boats at dawn.' }, { title: 'Market', dialogue: 'Fish for sale.' }]
  const { editor, reviewer, caption } = await reviewerOfTwoShots(newPerson, server.url, 'Drafts', shots, 60)
  await reviewer.getByLabel('Your name').fill('Kim')

  // Starting a comment pauses the animatic: the shot being commented on stays on screen.
  await reviewer.getByRole('button', { name: 'Play' }).click()
  await expect(reviewer.getByRole('button', { name: 'Pause' })).toBeVisible()
  await reviewer.getByLabel('Comment on shot 1…').click()
  await expect(reviewer.getByRole('button', { name: 'Play' })).toBeVisible()
  await reviewer.getByLabel('Comment on shot 1…').fill('Warmer light on the boats')

  // On another shot the box is that shot's (empty); back on shot 1 the draft is there again.
  await reviewer.getByRole('button', { name: 'Next shot' }).click()
  await expect(caption).toHaveText('Fish for sale.')
  await expect(reviewer.getByLabel('Comment on shot 2…')).toHaveValue('')
  await reviewer.getByRole('button', { name: 'Previous shot' }).click()
  await expect(reviewer.getByLabel('Comment on shot 1…')).toHaveValue('Warmer light on the boats')

  // A reload keeps the draft; sent, it is shot 1's comment, and the box is empty again (also after a reload).
  await reviewer.reload()
  await expect(caption).toHaveText('Boats at dawn.')
  await expect(reviewer.getByLabel('Comment on shot 1…')).toHaveValue('Warmer light on the boats')
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(reviewer.locator('.comment__body')).toHaveText('Warmer light on the boats')
  await expect(reviewer.getByLabel('Comment on shot 1…')).toHaveValue('')
  await editor.getByRole('button', { name: /^Comments/ }).click()
  await expect(editor.locator('.comments-menu .comment-thread__place')).toHaveText('Shot 1 · Harbour')
  await reviewer.reload()
  await expect(reviewer.locator('.comment__body')).toHaveText('Warmer light on the boats')
  await expect(reviewer.getByLabel('Comment on shot 1…')).toHaveValue('')
})

test('text pasted from a chat app, with invisible direction isolates, is sent without them rather than refused', async ({ newPerson, server }) => {
  const { path, reviewer } = await boardUnderReview(newPerson, server.url, 'Paste', { title: 'Cafe', dialogue: 'Two coffees.' })
  await reviewer.goto(server.url + path)
  await expect(reviewer.locator('.presentation-stage__caption')).toHaveText('Two coffees.')
  // Chat apps wrap names in isolates (U+2068 … U+2069); the reviewer cannot see them, nor take them out.
  await reviewer.getByLabel('Your name').fill('\u2068Zoë\u2069 (client)')
  await reviewer.getByLabel('Comment on shot 1…').fill('As \u2068María\u2069 said: warmer cups')
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(reviewer.locator('.comment__body')).toHaveText('As María said: warmer cups')
  await expect(reviewer.locator('.comment__author')).toHaveText('Zoë (client)')
  await reviewer.getByRole('button', { name: 'Approve' }).click()
  await expect(reviewer.locator('.review-panel__status')).toHaveText('Approved by Zoë (client) (you)')
  await expect(reviewer.getByRole('alert')).toHaveCount(0)
})

test("a second reviewer sees the first one's verdict as theirs, not as their own pressed button", async ({ newPerson, server }) => {
  const { path, reviewer: kim } = await boardUnderReview(newPerson, server.url, 'Two clients', { title: 'Door', dialogue: 'Knock knock.' })
  await kim.goto(server.url + path)
  await kim.getByLabel('Your name').fill('Kim')
  await kim.getByRole('button', { name: 'Approve' }).click()
  await expect(kim.locator('.review-panel__status')).toHaveText('Approved by Kim (you)')

  const lee = await newPerson()
  await lee.goto(server.url + path)
  await lee.getByLabel('Your name').fill('Lee')
  await expect(lee.locator('.review-panel__status')).toHaveText('Approved by Kim')
  await expect(lee.getByRole('button', { name: 'Approve' })).toHaveAttribute('aria-pressed', 'false')
  await lee.getByRole('button', { name: 'Request changes' }).click()
  await expect(lee.getByRole('button', { name: 'Request changes' })).toHaveAttribute('aria-pressed', 'true')
  // The shot's verdict is Lee's now, for Kim too: her Approve is no longer pressed.
  await expect(kim.locator('.review-panel__status')).toHaveText('Changes requested by Lee')
  await expect(kim.getByRole('button', { name: 'Approve' })).toHaveAttribute('aria-pressed', 'false')
})

test('a reviewer sees when the team resolved their comment, and a reply typed meanwhile reopens it for the team', async ({ newPerson, server }) => {
  const { editor, path, reviewer } = await boardUnderReview(newPerson, server.url, 'Resolve', { title: 'Car', dialogue: 'Vroom.' })
  await reviewer.goto(server.url + path)
  await reviewer.getByLabel('Your name').fill('Kim')
  await reviewer.getByLabel(/Comment on shot 1/).fill('Redder car?')
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(reviewer.locator('.comment__body')).toHaveText('Redder car?')
  const thread = reviewer.locator('.comment-thread')
  await thread.getByLabel('Reply…').fill('Still too blue')

  await setUserName(editor, 'Dana')
  await editor.getByRole('button', { name: /^Comments/ }).click()
  const teamList = editor.locator('.comments-menu')
  await teamList.getByRole('button', { name: 'Resolve' }).click()
  // The row stays, saying so, its button now Reopen: an undo at hand, as beside the presentation.
  const teamThread = teamList.locator('.comment-thread')
  await expect(teamThread.locator('.comment-thread__resolved')).toHaveText('Resolved by Dana')
  await expect(teamThread.locator('.comment-thread__announcement')).toHaveText('Thread resolved')
  await expect(teamThread.getByRole('button', { name: 'Reopen' })).toBeFocused()
  await expect(editor.getByRole('button', { name: /^Comments/ })).toHaveText('Comments') // no open thread left
  await teamThread.getByRole('button', { name: 'Reopen' }).click()
  await expect(teamThread.locator('.comment-thread__announcement')).toHaveText('Thread reopened')
  await expect(editor.getByRole('button', { name: /^Comments/ })).toHaveText('Comments (1)')
  await teamThread.getByRole('button', { name: 'Resolve' }).click()
  await expect(teamThread.locator('.comment-thread__announcement')).toHaveText('Thread resolved')
  // Opened again, the list shows the open threads only.
  await editor.keyboard.press('Escape')
  await expect(teamList).toHaveCount(0)
  await editor.getByRole('button', { name: /^Comments/ }).click()
  await expect(teamList.getByText('No open comments.')).toBeVisible()
  await expect(teamThread).toHaveCount(0)
  await expect(thread).toContainText('Resolved by Dana')
  // The box being typed in stays, with its text and the focus, and says what sending does.
  const reply = thread.getByLabel('Reply (reopens the thread)…')
  await expect(reply).toHaveValue('Still too blue')
  await expect(reply).toBeFocused()
  await thread.getByRole('button', { name: 'Reply' }).click()
  await expect(thread.locator('.comment__body')).toHaveText(['Redder car?', 'Still too blue'])
  await expect(thread).not.toContainText('Resolved')
  await expect(teamList.locator('.comment-thread')).toContainText('Still too blue')
})

test('on a phone, a review link shows the picture full width with the review panel under it', async ({ newPerson, server }) => {
  const { path, reviewer: phone } = await boardUnderReview(newPerson, server.url, 'Phone', { title: 'Pier', dialogue: 'Gulls.' })
  await phone.setViewportSize({ width: 390, height: 844 })
  await phone.goto(server.url + path)
  await expect(phone.locator('.presentation-stage__caption')).toHaveText('Gulls.')
  const stage = (await phone.locator('.presentation__main').boundingBox())!
  const panel = (await phone.locator('.presentation__aside').boundingBox())!
  expect(stage.width).toBeGreaterThan(350)
  expect(panel.width).toBeGreaterThan(350)
  expect(panel.y).toBeGreaterThanOrEqual(stage.y + stage.height - 1)
  // Every control stays on screen.
  for (const name of ['Previous shot', 'Play', 'Next shot', 'Grid', 'Full screen']) {
    const box = (await phone.getByRole('button', { name, exact: true }).boundingBox())!
    expect(box.x + box.width, name).toBeLessThanOrEqual(390)
  }
  await expect(phone.getByRole('button', { name: 'Approve' })).toBeInViewport()
})

test('a very long comment shows its first lines, and the rest on "Show more"', async ({ newPerson, server }) => {
  const { editor, shotId, path } = await boardUnderReview(newPerson, server.url, 'Long', { title: 'Sea', dialogue: 'Waves.' })
  const token = path.split('/').at(-1)!
  const essay = Array.from({ length: 40 }, (_, i) => `Note ${i + 1}: the horizon should sit a little lower in this frame.`).join('\n')
  const posted = await fetch(`${server.url}/api/review/${token}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ anchor: { kind: 'shot', shotId }, body: essay, authorName: 'Kim' }),
  })
  expect(posted.status).toBe(201)

  await editor.getByRole('button', { name: /^Comments/ }).click()
  const body = editor.locator('.comments-menu .comment__body')
  await expect(body).toContainText('Note 1:')
  expect((await body.boundingBox())!.height).toBeLessThan(160)
  await editor.locator('.comments-menu').getByRole('button', { name: 'Show more' }).click()
  expect((await body.boundingBox())!.height).toBeGreaterThan(600)
  await expect(editor.locator('.comments-menu').getByRole('button', { name: 'Show less' })).toBeVisible()
})

test.describe('across a server restart', () => {
  // A fixed port: after the restart the reviewer's open page is on the same origin and reconnects.
  test.use({ serverOptions: { fixedPort: true } })

  test('a reviewer stays on the shot they were watching when the server restarts, and when they reload', async ({ newPerson, server }) => {
    const shots: [ShotFields, ShotFields] = [{ title: 'Arrival', dialogue: 'We made it.' }, { title: 'Departure', dialogue: 'Time to go.' }]
    const { reviewer, caption } = await reviewerOfTwoShots(newPerson, server.url, 'Pilot', shots)
    await reviewer.keyboard.press('ArrowRight')
    await expect(caption).toHaveText('Time to go.')

    // The restarted server makes a new review copy of the board: the page holds one it no longer
    // serves, is closed with 4409 and opens the review again — on the same shot.
    await reviewer.locator('.presentation').evaluate((el) => el.setAttribute('data-before-restart', ''))
    await server.stop()
    await server.restart()
    // Opened again: a new presentation, not the one from before the restart.
    await expect(reviewer.locator('.presentation[data-before-restart]')).toHaveCount(0, { timeout: 30_000 })
    await expect(reviewer.getByTestId('presentation-connection')).toHaveCount(0)
    await expect(caption).toHaveText('Time to go.')
    await expect(reviewer.locator('.presentation-stage__title')).toHaveText('Departure')

    await reviewer.reload()
    await expect(caption).toHaveText('Time to go.')
  })
})

test('a review link to a board with no shots says so in the player too, not "Shot 1 of 0"', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Empty pitch')
  const reviewer = await newPerson()
  await reviewer.goto(server.url + (await reviewLinkExpiringIn(server.url, boardId, 3_600_000)))
  await expect(reviewer.getByText('This board has no shots yet.')).toBeVisible({ timeout: 60_000 })
  await expect(reviewer.locator('.presentation-controls__shot')).toHaveText('No shots yet')
})
