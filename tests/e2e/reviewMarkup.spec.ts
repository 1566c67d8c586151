import { expect, test } from './support/fixtures'
import { boardUnderReview } from './support/reviewBoard'
import { stripCard } from './support/sequenceStrip'
import { settledBox } from './support/settled'

test('a reviewer circles what to change on the picture and sends it with a comment; the team sees it live, and over their stage on hover', async ({ newPerson, server }) => {
  const { editor, shotId, path, reviewer } = await boardUnderReview(newPerson, server.url, 'Shampoo', { title: 'Hero bottle', dialogue: 'Shine on.' })
  // The team presents the shot on a screen of other proportions: the drawing means the same place in the frame there.
  await editor.setViewportSize({ width: 1100, height: 820 })
  await stripCard(editor, shotId).click()
  await editor.getByRole('link', { name: 'Present' }).click()
  const teamAside = editor.locator('.presentation__aside')
  await expect(editor.locator('.presentation-stage__caption')).toHaveText('Shine on.')

  await reviewer.goto(server.url + path)
  await expect(reviewer.locator('.presentation-stage__caption')).toHaveText('Shine on.', { timeout: 45_000 })
  await reviewer.getByLabel('Your name').fill('Carla')
  await reviewer.getByRole('button', { name: 'Draw' }).click()
  const frame = (await reviewer.getByTestId('stage-markup-surface').boundingBox())!
  // A stroke from a quarter of the frame to three quarters, across and down.
  const at = (f: number) => [frame.x + frame.width * f, frame.y + frame.height * f] as const
  await reviewer.mouse.move(...at(0.25))
  await reviewer.mouse.down()
  for (let f = 0.3; f <= 0.751; f += 0.05) await reviewer.mouse.move(...at(f))
  await reviewer.mouse.up()
  await expect(reviewer.locator('.markup-tools [role="status"]')).toHaveText('Drawing: 1 stroke')
  // Esc stops drawing (the focus still on Draw, as the stroke left it) and keeps the stroke as the draft.
  const draw = reviewer.getByRole('button', { name: 'Draw', exact: true })
  await expect(draw).toBeFocused()
  await reviewer.keyboard.press('Escape')
  await expect(draw).toHaveAttribute('aria-pressed', 'false')
  await expect(reviewer.getByTestId('stage-markup-surface')).toHaveCount(0)
  await expect(reviewer.locator('.markup-tools [role="status"]')).toHaveText('Drawing: 1 stroke')
  await reviewer.getByLabel(/Comment on shot 1/).fill('This, smaller')
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(reviewer.locator('.comment__body')).toHaveText('This, smaller')
  await expect(reviewer.getByRole('button', { name: 'Drawing: 1 stroke. Show it on the picture' })).toBeVisible()
  // Marked in its heading, as a comment with a drawing, before anyone points at it.
  await expect(reviewer.locator('.comment__meta').getByRole('img', { name: 'Has a drawing' })).toBeVisible()

  // Live beside the team's stage, with its thumbnail; pointing at the comment draws it over the picture.
  const comment = teamAside.locator('.comment').filter({ hasText: 'This, smaller' })
  await expect(comment.getByRole('button', { name: 'Drawing: 1 stroke. Show it on the picture' })).toBeVisible()
  await expect(comment.getByRole('img', { name: 'Has a drawing' })).toBeVisible()
  await expect(editor.locator('.stage-markup')).toHaveCount(0)
  await comment.hover()
  const stroke = editor.locator('.stage-markup polyline[stroke]')
  await expect(stroke).toHaveCount(1)
  const picture = (await editor.locator('.presentation-stage__placeholder').boundingBox())!
  const line = (await stroke.boundingBox())!
  const near = (a: number, b: number) => Math.abs(a - b) < picture.width * 0.03
  expect([near(line.x, picture.x + picture.width * 0.25), near(line.x + line.width, picture.x + picture.width * 0.75)]).toEqual([true, true])
  expect([near(line.y, picture.y + picture.height * 0.25), near(line.y + line.height, picture.y + picture.height * 0.75)]).toEqual([true, true])
  await editor.mouse.move(0, 0)
  await expect(editor.locator('.stage-markup')).toHaveCount(0)

  // In Present, Esc first stops the team's Draw, then leaves Present as ever.
  const teamDraw = teamAside.getByRole('button', { name: 'Draw', exact: true })
  await teamDraw.click()
  await expect(teamDraw).toHaveAttribute('aria-pressed', 'true')
  await editor.keyboard.press('Escape')
  await expect(teamDraw).toHaveAttribute('aria-pressed', 'false')
  await expect(editor.locator('.presentation')).toBeVisible()
  await editor.keyboard.press('Escape')
  await expect(editor.locator('.presentation')).toHaveCount(0)
})

test("the team sees a client's drawing over the shot's frame on the canvas from the Comments list: on hover, pinned until Esc", async ({ newPerson, server }) => {
  const { editor, shotId, path } = await boardUnderReview(newPerson, server.url, 'Markup on canvas', { title: 'Hero bottle', dialogue: 'Shine on.' })
  // The client's comment, as the review page sends it: a stroke from a quarter of the frame to three quarters.
  const markup = { strokes: [{ color: 'red', points: [[0.25, 0.25], [0.75, 0.75]] }] }
  const sent = await fetch(`${server.url}/api/review/${path.split('/').at(-1)}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ anchor: { kind: 'shot', shotId }, body: 'This, smaller', markup, authorName: 'Carla' }),
  })
  expect(sent.status).toBe(201)
  // Before any verdict, the strip card and the shot's badge on the canvas mark the drawing alike: a pencil and the count.
  const card = stripCard(editor, shotId)
  const badge = editor.locator(`[data-shape-id="${shotId}"]`).getByTestId('shot-review-badge')
  await expect(card.getByTestId('strip-shot-drawings')).toHaveAccessibleName('1 comment with a drawing')
  await expect(card.getByTestId('strip-shot-drawings')).toHaveText('1')
  await expect(badge.getByTestId('shot-review-drawings')).toHaveAccessibleName('1 comment with a drawing')
  await expect(badge.getByTestId('shot-review-drawings')).toHaveText('1')
  await expect(card.getByTestId('strip-shot-verdict')).toHaveCount(0)
  await expect(card.locator('.strip-card__body')).toHaveAccessibleDescription('1 comment with a drawing')
  const verdict = await fetch(`${server.url}/api/review/${path.split('/').at(-1)}/verdicts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shotId, verdict: 'changes-requested', reviewerName: 'Carla' }),
  })
  expect(verdict.status).toBe(201)
  // The shot's badge on the canvas shows the verdict as the strip card does ("!", not the pencil, which stays the drawings' mark),
  // and its tooltip says it all; the strip card keeps its pencil beside the verdict.
  await expect(badge).toHaveAttribute('title', /· 1 comment with a drawing ·/)
  await expect(badge.getByTestId('shot-review-verdict')).toHaveAccessibleName(/^Changes requested by .*Carla.*$/)
  await expect(badge.getByTestId('shot-review-drawings')).toHaveAccessibleName('1 comment with a drawing')
  await expect(card.getByTestId('strip-shot-verdict')).toHaveAccessibleName(/^Changes requested by .*Carla.*$/)
  await expect(card.getByTestId('strip-shot-drawings')).toHaveAccessibleName('1 comment with a drawing')
  await expect(card.locator('.strip-card__body')).toHaveAccessibleDescription(/^Changes requested by .*Carla.* 1 comment with a drawing$/)

  await editor.getByRole('button', { name: /^Comments/ }).click()
  const comment = editor.locator('.comments-menu .comment').filter({ hasText: 'This, smaller' })
  const thumbnail = comment.getByRole('button', { name: 'Drawing: 1 stroke. Show it on the picture' })
  await expect(thumbnail).toBeVisible()
  await expect(comment.getByRole('img', { name: 'Has a drawing' })).toBeVisible()
  await expect(editor.getByTestId('canvas-markup')).toHaveCount(0)
  await comment.hover()
  const stroke = editor.locator('.canvas-markup polyline[stroke]')
  await expect(stroke).toHaveCount(1)
  // Drawn over the shot's frame on the canvas, where the client put it in the frame.
  const frame = await settledBox(editor.locator(`[data-shape-id="${shotId}"] .shot-panel__frame`), 'the shot frame')
  const line = (await stroke.boundingBox())!
  const near = (a: number, b: number) => Math.abs(a - b) < frame.width * 0.03
  expect([near(line.x, frame.x + frame.width * 0.25), near(line.x + line.width, frame.x + frame.width * 0.75)]).toEqual([true, true])
  expect([near(line.y, frame.y + frame.height * 0.25), near(line.y + line.height, frame.y + frame.height * 0.75)]).toEqual([true, true])
  await editor.mouse.move(0, 0)
  await expect(stroke).toHaveCount(0)

  // Pinned from its thumbnail, it stays when the pointer leaves; Escape takes it away.
  await thumbnail.click()
  await expect(thumbnail).toHaveAttribute('aria-pressed', 'true')
  await editor.mouse.move(0, 0)
  await expect(stroke).toHaveCount(1)
  await expect(editor.getByRole('button', { name: 'Drawing: 1 stroke. Stop showing it on the shot' })).toBeVisible()
  await editor.keyboard.press('Escape')
  await expect(editor.getByTestId('canvas-markup')).toHaveCount(0)

  // Going to the thread's shot from the list brings it into view with the drawing on it.
  await editor.getByRole('button', { name: /^Comments/ }).click()
  await editor.locator('.comments-menu .comment-thread__place').click()
  // Pinned: it stays with the list closed, until its "×".
  await editor.getByRole('button', { name: /^Comments/ }).click()
  await expect(editor.locator('.comments-menu')).toHaveCount(0)
  await expect(stroke).toHaveCount(1)
  await editor.getByRole('button', { name: 'Drawing: 1 stroke. Stop showing it on the shot' }).click()
  await expect(editor.getByTestId('canvas-markup')).toHaveCount(0)
})
