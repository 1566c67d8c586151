import type { Locator, Page } from '@playwright/test'
import { onePersonOnBoard } from './support/boardPage'
import { drawCameraMove } from './support/drawing'
import { expect, test, type Fixtures } from './support/fixtures'
import { placeShot, selectShot, shotMediaSrc } from './support/shotVersions'
import { slowedModel } from './support/generationSetup'

// Clips: a shot with a camera move generated with its clip, shown in the frame, in Present and
// on a review link (generation.spec.ts covers the generations themselves).

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
  await expect(ada).toHaveURL((address) => `${address.origin}${address.pathname}` === `${url}/present`)
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
