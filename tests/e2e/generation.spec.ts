import type { Locator, Page } from '@playwright/test'
import { onePersonOnBoard, twoPeopleOnBoard } from './support/boardPage'
import { drag, drawCameraMove } from './support/drawing'
import { dropFile } from './support/media'
import { solidPng } from './support/pngImage'
import { shotsOnPage } from './support/editorState'
import { expect, test, type Fixtures } from './support/fixtures'
import {
  openGenerationForm as openForm,
  openGenerationFormWithReference,
  placeShot as placeShotWithAction,
  selectShot,
  shotMediaSrc,
  theShot,
} from './support/shotVersions'
import { generationModes, type GenerationSetupOptions } from './support/generationSetup'

// The built-in model finishes in milliseconds; the test-only knob slows each denoising step so
// previews and progress can be watched (and a cancel lands mid-run). Tests wait on what the
// pages show, never on this delay.
const STEP_DELAY_MS = '300'

/**
 * How each test starts its Storyloom (the `startGeneration` fixture: `pnpm start` with its
 * in-process worker, or in the Redis mode the server on BullMQ and one `pnpm worker` process):
 * the built-in model slowed as above, and `env`.
 */
function slowedModel(env: Record<string, string> = {}): GenerationSetupOptions {
  return { env: { STORYLOOM_TEST_STEP_DELAY_MS: STEP_DELAY_MS, ...env } }
}

/** Ada places a shot, writes what happens in it and its lens; it stays selected. */
async function placeShot(page: Page, action: string): Promise<void> {
  await placeShotWithAction(page, action)
  await page.getByTestId('shot-inspector').getByLabel('Lens (mm)').fill('24')
}

// Both ways generations run: the embedded queue (`pnpm start` alone) and BullMQ on Redis with a
// separate worker process, as the README sets it up.
for (const mode of generationModes) {
  test(`${mode}: a generation started in one browser forms step by step in both frames, lands for both, and its takes can be switched and undone`, async ({
    newPerson,
    startGeneration,
  }) => {
    const { url: serverUrl } = await startGeneration(mode, slowedModel())
    const { ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Harbour')
    await placeShot(ada, 'A lighthouse keeper climbs the spiral stairs')
    await expect(ben.locator('.shot-panel')).toContainText('A lighthouse keeper climbs')

    // The form's prompt starts from the shot's action and camera; the size follows its 16:9 frame
    // (the built-in model's own 512×288, what the API gives a request without a size too), and
    // so does the draft size.
    const form = await openForm(ada)
    const prompt = form.getByLabel('Shot 1')
    await expect(prompt).toHaveValue('A lighthouse keeper climbs the spiral stairs. Medium shot, eye level, 24mm lens.')
    await expect(form).toContainText('16:9 · 512 × 288')
    await form.getByRole('combobox', { name: /^Size/ }).selectOption('draft')
    await expect(form).toContainText('16:9 · 256 × 144')
    await form.getByRole('combobox', { name: /^Size/ }).selectOption('standard')
    // Long enough (2 takes × 20 steps) that a busy machine still shows it running in both pages.
    await form.getByLabel('Steps').fill('20')
    await form.getByLabel('Variations').fill('2')
    await expect(form.getByTestId('generation-submit')).toHaveText('Generate 2 images')
    await form.getByTestId('generation-submit').click()
    await expect(form).toBeHidden()

    // Both browsers watch it form inside the frame: step previews over a progress bar. Only Ada,
    // who started it, is offered cancel.
    for (const page of [ada, ben]) {
      await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toContainText(/Take \d of 2 · step \d+ of 20/u)
      await expect(page.locator('.shot-panel').getByTestId('shot-preview')).toBeVisible()
    }
    await ada.screenshot({ path: test.info().outputPath('generating-ada.png') })
    await expect(ada.locator('.shot-panel').getByRole('button', { name: 'Cancel' })).toBeVisible()
    await expect(ben.locator('.shot-panel').getByRole('button', { name: 'Cancel' })).toHaveCount(0)

    // Ben's queue panel lists it with its author.
    await ben.getByRole('button', { name: /^Queue/u }).click()
    const queue = ben.getByTestId('generation-queue')
    await expect(queue.getByTestId('queue-row').first()).toContainText('Shot 1')

    // The result lands in the frame for both (a server-side change of the shot), tagged as the
    // built-in model's, and the progress overlay goes away.
    for (const page of [ada, ben]) {
      await expect.poll(() => shotMediaSrc(page), { timeout: 60_000 }).not.toBeNull()
      await expect(page.locator('.shot-panel .shot-panel__media')).toBeVisible()
      await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toHaveCount(0)
      await expect(page.locator('.shot-panel').getByTestId('built-in-badge')).toBeVisible()
    }
    await expect(queue).toContainText('Done')
    const first = await shotMediaSrc(ada)
    expect(await shotMediaSrc(ben)).toBe(first)

    // The two takes show as choices on the selected shot; picking the other one switches the
    // frame for Ben too, and one undo brings the first back for both.
    const takes = ada.locator('.shot-panel').getByTestId('shot-takes').getByRole('button')
    await expect(takes).toHaveCount(2)
    await expect(takes.nth(0)).toHaveAttribute('aria-pressed', 'true')
    await ada.screenshot({ path: test.info().outputPath('takes-ada.png') })
    await takes.nth(1).click()
    await expect(takes.nth(1)).toHaveAttribute('aria-pressed', 'true')
    const second = await shotMediaSrc(ada)
    expect(second).not.toBe(first)
    await expect.poll(() => shotMediaSrc(ben)).toBe(second)
    await ada.keyboard.press('ControlOrMeta+z')
    await expect.poll(() => shotMediaSrc(ada)).toBe(first)
    await expect.poll(() => shotMediaSrc(ben)).toBe(first)

    // Undoing further goes back over Ada's own edit of the shot from before the result landed
    // (the lens): the lens goes, the generated image stays, for both.
    await ada.keyboard.press('ControlOrMeta+z')
    await expect.poll(async () => ((await theShot(ben)).props as { camera: { lensMm: number | null } }).camera.lensMm).toBeNull()
    expect(await shotMediaSrc(ada)).toBe(first)
    expect(await shotMediaSrc(ben)).toBe(first)
  })

  test(`${mode}: the author cancels a generation mid-run: it stops for everyone and the frame keeps what it had`, async ({ newPerson, startGeneration }) => {
    const { url: serverUrl } = await startGeneration(mode, slowedModel())
    const { ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Night shoot')
    await placeShot(ada, 'Rain on the neon sign')

    const form = await openForm(ada)
    await form.getByLabel('Steps').fill('100')
    await form.getByTestId('generation-submit').click()

    await expect(ben.locator('.shot-panel').getByTestId('shot-preview')).toBeVisible()
    await ada.locator('.shot-panel').getByRole('button', { name: 'Cancel' }).click()

    for (const page of [ada, ben]) {
      await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toHaveCount(0)
      await expect(page.locator('.shot-panel').getByTestId('shot-preview')).toHaveCount(0)
      await page.getByRole('button', { name: /^Queue/u }).click()
      await expect(page.getByTestId('generation-queue').getByTestId('queue-row')).toContainText('Canceled')
    }
    expect(await shotMediaSrc(ada)).toBeNull()
    expect(await shotMediaSrc(ben)).toBeNull()
  })
}

test('the form shows what is refused, and keeps what was typed', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Refusals')
  await placeShot(ada, 'A gull on a post')

  // Caught in the form before anything is sent: an empty prompt and too many variations.
  const form = await openForm(ada)
  await form.getByLabel('Shot 1').fill('')
  await form.getByLabel('Variations').fill('9')
  await form.getByTestId('generation-submit').click()
  await expect(form.getByRole('alert')).toHaveText(['Write a prompt for this shot.', 'Variations: 1 to 4 per shot.'])

  // Refused by the server: Ben deletes the shot while Ada's form is open.
  await form.getByLabel('Shot 1').fill('A gull on a post, at dawn')
  await form.getByLabel('Variations').fill('1')
  await selectShot(ben)
  await ben.keyboard.press('Delete')
  await expect.poll(async () => (await shotsOnPage(ada)).length).toBe(0)
  await form.getByTestId('generation-submit').click()
  await expect(form.getByRole('alert')).toContainText(/shot/iu)
  await expect(form.getByLabel('Shot 1')).toHaveValue('A gull on a post, at dawn')
})

test('beyond the per-person cap the form says why and starts nothing more', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel({ STORYLOOM_MAX_ACTIVE_GENERATIONS: '1' }))
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Caps')
  await placeShot(ada, 'Fog rolls over the pier')

  let form = await openForm(ada)
  await form.getByLabel('Steps').fill('100')
  await form.getByTestId('generation-submit').click()
  await expect(ada.locator('.shot-panel').getByTestId('shot-generation-status')).toBeVisible()

  // A second one while the first still runs: 429, said in the form, which stays open.
  form = await openForm(ada)
  await form.getByTestId('generation-submit').click()
  await expect(form.getByRole('alert')).toContainText('at most 1')
  await expect(form).toBeVisible()
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(form).toBeHidden()
  await ada.getByRole('button', { name: /^Queue/u }).click()
  await expect(ada.getByTestId('generation-queue').getByTestId('queue-row')).toHaveCount(1)
  await ada.getByTestId('generation-queue').getByRole('button', { name: 'Cancel' }).click()
  await expect(ada.getByTestId('generation-queue').getByTestId('queue-row')).toContainText('Canceled')
})

test('a composition reference makes it image-to-image, at the strength the form sets', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { boardId, page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Jetty')
  await placeShot(ada, 'Two figures at the end of a jetty')

  // Ada drops a layout sketch on the frame and makes it the shot's composition reference.
  const layout = { name: 'layout.png', mimeType: 'image/png', buffer: solidPng(160, 90, [40, 90, 160]) }
  const form = await openGenerationFormWithReference(ada, { file: layout, role: 'composition' })
  await expect(form.getByTestId('generation-shot')).toContainText('Composition → image-to-image')
  await expect(form.getByLabel(/^Strength/u)).toHaveValue('0.6')
  // One step at 0.6 would skip every step: the form says what to change instead of sending it.
  await form.getByLabel('Steps').fill('1')
  await form.getByTestId('generation-submit').click()
  await expect(form.getByRole('alert')).toHaveText('With 1 step, strength must be at least 1 (or add steps).')
  await form.getByLabel('Steps').fill('4')
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()

  await expect.poll(() => shotMediaSrc(ada), { timeout: 60_000 }).not.toBeNull()
  const list = (await (await fetch(`${serverUrl}/api/boards/${boardId}/generations`)).json()) as {
    generations: { params: { strength?: number; references: { role: string }[] } }[]
  }
  expect(list.generations).toHaveLength(1)
  expect(list.generations[0]!.params).toMatchObject({ strength: 0.6, references: [expect.objectContaining({ role: 'composition' })] })
})

test('a style reference is an image prompt at the weight the form sets, and the take says how it was used', async ({
  newPerson,
  startGeneration,
}) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Palette')
  await placeShot(ada, 'A market street at noon')
  const palette = { name: 'palette.png', mimeType: 'image/png', buffer: solidPng(160, 90, [230, 120, 30]) }
  const form = await openGenerationFormWithReference(ada, { file: palette, role: 'style' })
  const chip = form.getByTestId('generation-reference')
  await expect(chip).toContainText('Style → image prompt')
  const weight = chip.getByLabel('Style reference weight')
  await expect(weight).toHaveValue('0.8')
  await weight.fill('0.5')
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()

  await expect(ada.locator('.shot-panel')).toContainText('Built-in model', { timeout: 60_000 })
  await selectShot(ada)
  await ada.getByTestId('version-panel-toggle').click()
  await expect(ada.getByTestId('version-references')).toHaveText('Style: image prompt at 0.5')
})

test('on a 1280×720 screen the form shows all a shot passes along (two references, a camera move, a subject path) and its Generate button', async ({
  newPerson,
  startGeneration,
}) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Rooftops')
  await ada.setViewportSize({ width: 1280, height: 720 })
  await placeShot(ada, 'Mei leaps the gap between two buildings')
  await ada.keyboard.press('Escape')
  await drawCameraMove(ada, { x: 460, y: 300 }, { x: 600, y: 302 })
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('m')
  await ada.getByTestId('camera-move-palette').getByRole('button', { name: 'Subject path' }).click()
  await drag(ada, [{ x: 440, y: 330 }, { x: 520, y: 290 }, { x: 600, y: 320 }])
  await ada.keyboard.press('Escape')
  // A composition layout, then a style frame (each dropped on the frame; the second stays a style reference).
  await openGenerationFormWithReference(ada, { file: { name: 'layout.png', mimeType: 'image/png', buffer: solidPng(160, 90, [40, 90, 160]) }, role: 'composition' })
  await ada.keyboard.press('Escape')
  await expect(ada.getByTestId('generation-form')).toBeHidden()
  await dropFile(ada, { name: 'look.png', mimeType: 'image/png', buffer: solidPng(90, 160, [230, 120, 30]) }, { x: 520, y: 310 })
  await expect(ada.getByTestId('reference-tag')).toHaveCount(2)

  const form = await openForm(ada)
  const passed = form.getByRole('list', { name: 'Passed along' }).getByRole('listitem')
  await expect(passed).toHaveText([/Composition/u, /Style/u, 'Pan', 'Subject motion'])
  // The form scrolls as a whole; the shot's row is never a box of its own squeezed to a few lines
  // (at 720 px that hid the subject path's chip below the camera move's).
  const shots = form.locator('.generation-form__shots')
  expect(await shots.evaluate((list) => list.scrollHeight - list.clientHeight)).toBe(0)
  // And Generate is on screen: the form once outgrew tldraw's dialog, which cut its buttons off.
  await expect(form.getByTestId('generation-submit')).toBeInViewport()
})

/**
 * Ada on a new board (the built-in model slowed, embedded queue), with a shot with dialogue and a
 * camera move, generated through the right-click menu with the move's clip (the form offers it):
 * resolves once the frame shows the clip, with its address.
 */
async function adaWithClip({ newPerson, startGeneration }: Pick<Fixtures, 'newPerson' | 'startGeneration'>) {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { boardId, url, page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Coast road')
  await placeShot(ada, 'A car drives along the coast')
  await ada.getByTestId('shot-inspector').getByLabel('Dialogue').fill('We are almost there.')
  await ada.keyboard.press('Escape')
  await drawCameraMove(ada, { x: 460, y: 300 }, { x: 600, y: 302 })

  await selectShot(ada)
  const box = (await ada.locator('.shot-panel').boundingBox())!
  await ada.mouse.click(box.x + box.width / 2, box.y + 12, { button: 'right' })
  await ada.getByRole('menuitem', { name: /Generate/u }).click()
  const form = ada.getByTestId('generation-form')
  await expect(form.getByLabel('Also render a clip of the camera move')).toBeChecked()
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()

  await expect.poll(() => shotMediaSrc(ada), { timeout: 60_000 }).not.toBeNull()
  const list = (await (await fetch(`${serverUrl}/api/boards/${boardId}/generations`)).json()) as { generations: { results: { clip?: { url: string } }[] }[] }
  const clipUrl = list.generations[0]!.results[0]!.clip!.url
  expect(await shotMediaSrc(ada)).toBe(clipUrl)
  return { serverUrl, url, ada, clipUrl }
}

/** The presentation's clip: drawn on a canvas at the frame for the player's time. */
function stageClip(page: Page, clipUrl: string): Locator {
  return page.locator(`canvas.presentation-stage__media[data-src="${clipUrl}"]`)
}

/** What the stage's clip canvas shows now (its pixels, as a data URL). */
function stagePixels(clip: Locator): Promise<string> {
  return clip.evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL())
}

/**
 * How many different pictures the clip canvas shows over `ms`, sampled every frame. Whether it
 * changes over time is what is watched, so this waits a set time (longer than several of the
 * clip's frames, had it kept looping by itself).
 */
function framesShownOver(clip: Locator, ms: number): Promise<number> {
  return clip.evaluate(async (canvas, ms) => {
    const seen = new Set<string>()
    const until = performance.now() + ms
    while (performance.now() < until) {
      seen.add((canvas as HTMLCanvasElement).toDataURL())
      await new Promise(requestAnimationFrame)
    }
    return seen.size
  }, ms)
}

test('a shot with a camera move gets a clip: the frame shows it tagged as the built-in model, clear of the move, and Present plays it', async ({
  newPerson,
  startGeneration,
}) => {
  const { url, ada, clipUrl } = await adaWithClip({ newPerson, startGeneration })

  // The shot says the built-in model made it where the move's label (top left of the frame) does not cover it.
  const badge = ada.locator('.shot-panel').getByTestId('built-in-badge')
  await expect(badge).toBeVisible()
  const badgeBox = (await badge.boundingBox())!
  const labelBox = (await ada.locator('.motion-annotation__label-back').boundingBox())!
  const overlaps = badgeBox.x < labelBox.x + labelBox.width && labelBox.x < badgeBox.x + badgeBox.width && badgeBox.y < labelBox.y + labelBox.height && labelBox.y < badgeBox.y + badgeBox.height
  expect(overlaps, 'the built-in tag is hidden under the camera move\'s label').toBe(false)

  // Present shows the clip, with the dialogue as its caption.
  await ada.getByRole('link', { name: 'Present' }).click()
  await expect(ada).toHaveURL(`${url}/present`)
  await expect(stageClip(ada, clipUrl)).toBeVisible()
  await expect(ada.locator('.presentation-stage__caption')).toHaveText('We are almost there.')
  // Scaled to the stage: the 512 px take is not left small in the middle of the screen.
  const stage = (await ada.locator('.presentation-stage__frame').boundingBox())!
  const shown = (await ada.locator('.presentation-stage__media').boundingBox())!
  expect(Math.max(shown.width / stage.width, shown.height / stage.height)).toBeGreaterThan(0.99)
  await ada.screenshot({ path: test.info().outputPath('present-clip.png') })
})

/**
 * Stopped, the clip holds `first`; playing, it moves, until the player stops at the end of the
 * 3 s board (clicking Pause instead races the end on a busy machine: the button may be Play
 * again by then, and the click would start it over); scrubbed to the middle while stopped, it
 * shows a frame of the middle of the move and holds it. Returns that frame's pixels.
 */
async function playsThenHoldsTheMiddle(page: Page, clip: Locator, first: string): Promise<string> {
  expect(await framesShownOver(clip, 1000)).toBe(1)
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => stagePixels(clip)).not.toBe(first)
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 })

  await page.getByRole('slider', { name: 'Timeline' }).fill('1.5')
  await expect(clip).not.toHaveAttribute('data-frame', '0')
  await expect(clip).toHaveAttribute('aria-busy', 'false') // the frame for where it stopped is drawn
  const held = await stagePixels(clip)
  expect(held).not.toBe(first)
  expect(await framesShownOver(clip, 1000)).toBe(1)
  expect(await stagePixels(clip)).toBe(held)
  return held
}

test('in Present and on a review link a clip follows the player: paused it holds its frame, playing it moves, the scrubber and a restart move it', async ({
  newPerson,
  startGeneration,
}) => {
  const { serverUrl, url, ada, clipUrl } = await adaWithClip({ newPerson, startGeneration })
  await ada.goto(`${url}/present`)
  const clip = stageClip(ada, clipUrl)
  await expect(clip).toHaveAttribute('data-frame', '0')
  const first = await stagePixels(clip)

  const held = await playsThenHoldsTheMiddle(ada, clip, first)

  // Scrubbing to the end shows the end of the move, back to the start its first frame.
  const timeline = ada.getByRole('slider', { name: 'Timeline' })
  await timeline.fill(String(await timeline.getAttribute('max')))
  await expect.poll(() => stagePixels(clip)).not.toBe(held)
  const last = await stagePixels(clip)
  expect(last).not.toBe(first)
  await ada.keyboard.press('Home')
  await expect.poll(() => stagePixels(clip)).toBe(first)
  await ada.screenshot({ path: test.info().outputPath('present-clip-start.png') })

  // A client on a review link sees the same: the first frame held, and the scrubber's frame.
  await ada.goto(url)
  await ada.getByRole('button', { name: 'Review link' }).click()
  await ada.getByRole('button', { name: 'Create link' }).click()
  const path = await ada.locator('.share-links__item').first().getByRole('button', { name: 'Copy' }).getAttribute('data-review-path')
  const client = await newPerson()
  await client.goto(serverUrl + path!)
  const clientClip = client.locator('canvas.presentation-stage__media')
  await expect(clientClip).toHaveAttribute('data-frame', '0')
  expect(await framesShownOver(clientClip, 1000)).toBe(1)
  expect(await stagePixels(clientClip)).toBe(first)
  const clientTimeline = client.getByRole('slider', { name: 'Timeline' })
  await clientTimeline.fill(String(await clientTimeline.getAttribute('max')))
  await expect.poll(() => stagePixels(clientClip)).toBe(last)
  await client.screenshot({ path: test.info().outputPath('review-clip-end.png') })
})

/** Opens the board's presentation; a first visit loads the player and syncs the board, as slow as a board's first open. */
async function openPresentation(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/present`)
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 45_000 })
}

test('without WebCodecs (Firefox, Safari, a server on plain HTTP) a clip still follows the player, composed from its frames as ImageDecoder shows them', async ({
  newPerson,
  startGeneration,
}) => {
  const { url, ada, clipUrl } = await adaWithClip({ newPerson, startGeneration })
  await openPresentation(ada, url)
  const decoded = stageClip(ada, clipUrl)
  await expect(decoded).toHaveAttribute('data-frame', '0')

  // Ben's browser has no ImageDecoder, as over http://192.168.1.20 or in Firefox.
  const ben = await newPerson()
  await ben.addInitScript(() => {
    delete (window as { ImageDecoder?: unknown }).ImageDecoder
  })
  await openPresentation(ben, url)
  expect(await ben.evaluate(() => 'ImageDecoder' in window)).toBe(false)
  const clip = stageClip(ben, clipUrl)
  await expect(clip).toHaveAttribute('data-frame', '0')
  const first = await stagePixels(clip)
  expect(first).toBe(await stagePixels(decoded))

  const held = await playsThenHoldsTheMiddle(ben, clip, first)
  await ben.screenshot({ path: test.info().outputPath('present-composed-clip-middle.png') })

  // The scrubber's end shows the end of the move, the same picture as with ImageDecoder; Home the first frame again.
  for (const page of [ada, ben]) {
    const timeline = page.getByRole('slider', { name: 'Timeline' })
    await timeline.fill(String(await timeline.getAttribute('max')))
  }
  await expect(decoded).not.toHaveAttribute('data-frame', '0')
  await expect(decoded).toHaveAttribute('aria-busy', 'false')
  const lastFrame = (await decoded.getAttribute('data-frame'))!
  await expect(clip).toHaveAttribute('data-frame', lastFrame)
  await expect(clip).toHaveAttribute('aria-busy', 'false')
  expect(await stagePixels(clip)).toBe(await stagePixels(decoded))
  await ben.screenshot({ path: test.info().outputPath('present-composed-clip-end.png') })
  await ben.keyboard.press('Home')
  await expect.poll(() => stagePixels(clip)).toBe(first)
})
