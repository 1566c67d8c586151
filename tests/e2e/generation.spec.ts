import type { Page } from '@playwright/test'
import { onePersonOnBoard, twoPeopleOnBoard } from './support/boardPage'
import { drag, drawCameraMove } from './support/drawing'
import { dropFile } from './support/media'
import { solidPng } from './support/pngImage'
import { shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import {
  openGenerationForm as openForm,
  openGenerationFormWithReference,
  placeShot as placeShotWithAction,
  selectShot,
  shotMediaSrc,
  theShot,
  uploadTake,
  versionNode,
} from './support/shotVersions'
import { generationModes, slowedModel } from './support/generationSetup'


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

test('a run canceled after some of its takes landed offers those takes on the frame, not the takes of the run before', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Second thoughts')
  await placeShot(ada, 'A ferry leaves the harbour at dawn')
  const takes = ada.locator('.shot-panel').getByTestId('shot-takes').getByRole('button')

  // A first run of three takes: its three show as choices.
  let form = await openForm(ada)
  await form.getByLabel('Variations').fill('3')
  await form.getByTestId('generation-submit').click()
  await expect(takes).toHaveCount(3, { timeout: 60_000 })

  // A second run of four, canceled once two of its takes have landed (the first is on the shot).
  form = await openForm(ada)
  await form.getByLabel('Steps').fill('10')
  await form.getByLabel('Variations').fill('4')
  await form.getByTestId('generation-submit').click()
  const status = ada.locator('.shot-panel').getByTestId('shot-generation-status')
  await expect(status).toContainText('Take 3 of 4', { timeout: 60_000 })
  await status.getByRole('button', { name: 'Cancel' }).click()
  await expect(status).toHaveCount(0)

  // The frame offers the two takes the canceled run kept, the shown one pressed (it once offered
  // the first run's three, none of them the shot's image).
  await expect(takes).toHaveCount(2)
  await expect(takes.nth(0)).toHaveAttribute('aria-pressed', 'true')
  const shown = await shotMediaSrc(ada)
  await expect(takes.nth(0).locator('img')).toHaveAttribute('src', shown!)
  await takes.nth(1).click()
  await expect.poll(() => shotMediaSrc(ada)).toBe(await takes.nth(1).locator('img').getAttribute('src'))
  // The queue shows the canceled run with a picture of what it kept, and says how much that is.
  await ada.getByRole('button', { name: /^Queue/u }).click()
  const row = ada.getByTestId('generation-queue').getByTestId('queue-row').first()
  await expect(row).toContainText('Canceled · 2 of 4 takes kept')
  await expect(row.locator('img')).toHaveAttribute('src', shown!)
})

test('"new takes in Versions" shows when a run lands while a pick made meanwhile keeps showing, not when someone goes back to an older take after it landed', async ({
  newPerson,
  startGeneration,
}) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  test.setTimeout(180_000) // two runs and an upload, on a busy machine
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Going back')
  await placeShot(ada, 'A lighthouse in fog')
  await ada.getByTestId('version-panel-toggle').click()
  await uploadTake(ada, 'sketch.png', [64, 36], [200, 40, 40])
  const sketch = await theShot(ada)
  const notice = ada.locator('.shot-panel').getByTestId('unshown-takes-badge')
  const media = ada.locator('.shot-panel__media')

  // A run lands with no one picking meanwhile: its take shows, and nothing says it is elsewhere.
  let form = await openForm(ada)
  await form.getByLabel('Variations').fill('1')
  await form.getByTestId('generation-submit').click()
  await expect(ada.locator('.shot-panel')).toContainText('Built-in model', { timeout: 60_000 })
  const landed = (await theShot(ada)).props.activeVersionId!
  expect(landed).not.toBe(sketch.props.activeVersionId)
  await expect(notice).toHaveCount(0)

  // Ada goes back to her sketch on purpose: the run's take is no news to anyone.
  await versionNode(ada, sketch.props.activeVersionId!).dblclick()
  await expect(media).toHaveAttribute('src', sketch.props.media!.src)
  await expect(notice).toHaveCount(0)

  // A second run; while it goes, Ada picks the first run's take. It lands and her pick stays: now it says so.
  form = await openForm(ada)
  await form.getByLabel('Variations').fill('1')
  await form.getByLabel('Steps').fill('10')
  await form.getByTestId('generation-submit').click()
  await expect(ada.locator('.shot-panel').getByTestId('shot-generation-status')).toBeVisible()
  await versionNode(ada, landed).dblclick()
  await expect.poll(async () => (await theShot(ada)).props.activeVersionId).toBe(landed)
  await expect(notice).toHaveText('1 new take in Versions', { timeout: 60_000 })
  expect((await theShot(ada)).props.activeVersionId).toBe(landed)
})

test('the form shows what is refused, and keeps what was typed', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Refusals')
  await placeShot(ada, 'A gull on a post')

  // Caught in the form before anything is sent: an empty prompt and too many variations.
  const form = await openForm(ada)
  // A shot with no references is not offered a choice to pass them along.
  await expect(form.getByLabel('Variations')).toBeVisible()
  await expect(form.getByLabel('Use the shots’ references')).toHaveCount(0)
  await form.getByLabel('Shot 1').fill('')
  await form.getByLabel('Variations').fill('9')
  await form.getByTestId('generation-submit').click()
  await expect(form.getByRole('alert')).toHaveText(['Write a prompt for this shot.', 'Variations: 1 to 4 per shot.'])

  // A seed beyond the range is said once, beside the seed.
  await form.getByLabel('Shot 1').fill('A gull on a post, at dawn')
  await form.getByLabel('Variations').fill('1')
  await form.getByLabel('Seed mode').selectOption('fixed')
  await form.getByLabel('Seed value').fill('99999999999999999999')
  await form.getByTestId('generation-submit').click()
  await expect(form.getByRole('alert')).toHaveText(['Seed: a whole number from 0 to 4294967295.'])
  await form.screenshot({ path: test.info().outputPath('huge-seed.png') })
  await form.getByLabel('Seed mode').selectOption('random')

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

test('the form names the shot with its typed title in a <bdi>, with no invisible isolate characters to copy', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Harbour')
  await placeShot(ada, 'Boats at the quay')
  const title = 'شارع الميناء'
  await ada.getByTestId('shot-inspector').getByLabel('Title').fill(title)

  const form = await openForm(ada)
  const heading = ada.locator('.tlui-dialog__header__title')
  const rowLabel = form.getByTestId('generation-shot').locator('.generation-form__shot-label')
  await expect(heading).toHaveText(`Generate — Shot 1 — ${title}`)
  await expect(rowLabel).toHaveText(`Shot 1 — ${title}`)
  for (const text of [heading, rowLabel]) {
    await expect(text.locator('bdi')).toHaveText(title)
    expect(await text.textContent()).not.toMatch(/[\u2068\u2069]/u)
  }
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

  // Open, the queue is a popover over the canvas's top left, where a board's first shot sits: the
  // shot is put there, under it. "Shot 1" in its row shows the shot beside the queue, not under it;
  // a click on the shot then closes the queue (and selects the shot), as Escape on its toggle does.
  const queue = ada.getByTestId('generation-queue')
  const header = ada.locator('.shot-panel__header')
  const under = async (cover = queue) => {
    const [q, h] = [await cover.boundingBox(), (await header.boundingBox())!]
    return !!q && q.x < h.x + h.width && h.x < q.x + q.width && q.y < h.y + h.height && h.y < q.y + q.height
  }
  const spot = (await queue.boundingBox())!
  await ada.evaluate(
    ([x, y]) => {
      type Editor = { getViewportScreenBounds(): { x: number; y: number }; getCurrentPageShapes(): { x: number; y: number }[]; setCamera(camera: object): void }
      const editor = (window as unknown as { editor: Editor }).editor
      const shot = editor.getCurrentPageShapes()[0]!
      const viewport = editor.getViewportScreenBounds()
      editor.setCamera({ x: x! - viewport.x - shot.x, y: y! - viewport.y - shot.y, z: 1 })
    },
    [spot.x + 20, spot.y + 20],
  )
  expect(await under(), "the shot's header is under the open queue").toBe(true)
  await queue.getByRole('button', { name: /^Shot 1/u }).click()
  await expect.poll(() => under(), { message: 'shown beside the queue' }).toBe(false)
  await expect(queue).toBeVisible()
  expect(await under(ada.getByTestId('shot-inspector')), 'nor under the inspector its selection opens').toBe(false)
  await ada.screenshot({ path: test.info().outputPath('shot-beside-queue.png') })
  await ada.evaluate(() => (window as unknown as { editor: { selectNone(): void } }).editor.selectNone())
  const box = (await header.boundingBox())!
  await ada.mouse.click(box.x + 14, box.y + box.height / 2)
  await expect(queue).toBeHidden()
  await expect.poll(() => ada.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(1)
  const toggle = ada.getByRole('button', { name: /^Queue/u })
  await toggle.click()
  await expect(queue).toBeVisible()
  await ada.keyboard.press('Escape')
  await expect(queue).toBeHidden()
  await expect(toggle).toBeFocused()
})

test('a shot deleted while its generation runs: the queue says it was canceled because the shot was deleted', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Deleted shot')
  await placeShot(ada, 'A kite over the dunes')
  const form = await openForm(ada)
  await form.getByLabel('Steps').fill('100')
  await form.getByTestId('generation-submit').click()
  await expect(ada.locator('.shot-panel').getByTestId('shot-generation-status')).toContainText(/Step|Generating/u)

  await selectShot(ada)
  await ada.keyboard.press('Delete')
  await expect.poll(async () => (await shotsOnPage(ada)).length).toBe(0)
  await ada.getByRole('button', { name: /^Queue/u }).click()
  // Not a bare "Canceled" that reads as if someone pressed Cancel.
  const row = ada.getByTestId('generation-queue').getByTestId('queue-row')
  await expect(row).toContainText('Canceled: the shot was deleted')
  await ada.getByTestId('generation-queue').screenshot({ path: test.info().outputPath('deleted-shot-queue.png') })
})

test('a composition reference makes it image-to-image, at the strength the form sets', async ({ newPerson, startGeneration }) => {
  const { url: serverUrl } = await startGeneration('embedded', slowedModel())
  const { boardId, page: ada } = await onePersonOnBoard(newPerson, serverUrl, 'Jetty')
  await placeShot(ada, 'Two figures at the end of a jetty')

  // Ada drops a layout sketch on the frame and makes it the shot's composition reference.
  const layout = { name: 'layout.png', mimeType: 'image/png', buffer: solidPng(160, 90, [40, 90, 160]) }
  const form = await openGenerationFormWithReference(ada, { file: layout, role: 'composition' })
  await expect(form.getByTestId('generation-shot')).toContainText('Composition → image-to-image')
  await expect(form.getByLabel('Use the shots’ references')).toBeChecked()
  // Named by its field alone (not "Strength 0.60"): the value is read as the slider's value text.
  const strength = form.getByRole('slider', { name: 'Strength', exact: true })
  await expect(strength).toHaveValue('0.6')
  await expect(strength).toHaveAttribute('aria-valuetext', '60%: free from it')
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
