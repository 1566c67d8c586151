import { readFile } from 'node:fs/promises'
import { CARD, FPS, boardWithShots, coloursAt, exportVideo, midpoints, near, openExportDialog, readVideo, type FrameRegion, type Rgb, type TestShot } from './support/animaticVideo'
import { makeWav } from '../support/makeWav'
import { boardUrl, openBoard } from './support/boardPage'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

/**
 * Export video's formats. Debian's Chromium here encodes H.264 (WebCodecs says so and the file
 * proves it), so MP4 is exported for real; a browser without an H.264 encoder is shown by hiding
 * H.264 from WebCodecs' `isConfigSupported`, the check the dialog (through mediabunny) relies on.
 */

/**
 * Makes `page`'s browser answer that it cannot encode `kind` codecs whose name starts with
 * `codecPrefix` (every other as this one does), with MP4 as this person's earlier choice.
 */
async function withoutEncoder(page: Page, kind: 'video' | 'audio', codecPrefix: string): Promise<void> {
  await page.addInitScript(
    ({ kind, codecPrefix }) => {
      const refusing =
        <C extends { codec: string }, S>(isConfigSupported: (config: C) => Promise<S>) =>
        async (config: C): Promise<S> =>
          config.codec.startsWith(codecPrefix) ? ({ supported: false, config } as S) : isConfigSupported(config)
      if (kind === 'video') VideoEncoder.isConfigSupported = refusing(VideoEncoder.isConfigSupported.bind(VideoEncoder))
      else AudioEncoder.isConfigSupported = refusing(AudioEncoder.isConfigSupported.bind(AudioEncoder))
      localStorage.setItem('storyloom:video-export:format', 'mp4')
    },
    { kind, codecPrefix },
  )
}

/** The names of the top-level boxes of an MP4 file, in order (each box: 32-bit size, 4-letter type). */
function topLevelBoxes(bytes: Buffer): string[] {
  const boxes: string[] = []
  for (let at = 0; at + 8 <= bytes.length; ) {
    const size32 = bytes.readUInt32BE(at)
    boxes.push(bytes.toString('latin1', at + 4, at + 8))
    // 1: a 64-bit size follows the type; 0: the box runs to the end of the file.
    const size = size32 === 1 ? Number(bytes.readBigUInt64BE(at + 8)) : size32 === 0 ? bytes.length - at : size32
    if (size < 8) throw new Error(`a box of ${size} bytes at ${at}`)
    at += size
  }
  return boxes
}

/** H.264 level 3.1 (`level_idc` 31): 1280×720 at up to 30 fps, the board's fastest rate; what phones, QuickTime and Office all play. */
const LEVEL_3_1 = 0x1f

const shots: TestShot[] = [
  { title: 'Harbour', duration: 1.5, image: [220, 40, 40], dialogue: 'MAYA: We made it.' },
  { title: 'Gulls', duration: 0.75, image: null },
  { title: 'Lighthouse', duration: 2, image: [40, 80, 220] },
]
const total = shots.reduce((sum, shot) => sum + shot.duration, 0)

test('MP4 (H.264) is the dialog’s first choice here: it downloads <board>.mp4, an H.264 MP4 with its index first, as long as the animatic, each shot’s picture in place', async ({ newPerson, server }) => {
  const boardId = await boardWithShots(server.url, 'Harbour spot', shots)
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))

  const panel = await openExportDialog(page)
  const mp4 = panel.getByRole('radio', { name: 'MP4 (H.264)' })
  await expect(mp4).toBeChecked()
  await expect(mp4).toBeEnabled()
  // The keyboard starts on the dialog's first control, not on the header's close button.
  await expect(mp4).toBeFocused()
  const download = page.waitForEvent('download')
  // Tab past the captions, Timecode and Cancel to Export video, as someone at the keyboard does.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(panel.getByRole('button', { name: 'Export video' })).toBeFocused()
  await page.keyboard.press('Enter')
  const file = await download
  expect(file.suggestedFilename()).toBe('harbour-spot.mp4')
  await expect(panel.getByRole('status')).toHaveText('Downloaded harbour-spot.mp4 (1280×720).')
  // Finished: the keyboard is on Close, not lost with the Cancel button that went away.
  await expect(panel.getByRole('button', { name: 'Close' })).toBeFocused()

  const bytes = await readFile((await file.path())!)
  // An ISO MP4: `ftyp` first, and the index (`moov`) before the pictures (`mdat`), so a player or
  // a review site starts it before the whole file has arrived ("fast start").
  expect(bytes.toString('latin1', 4, 8)).toBe('ftyp')
  const boxes = topLevelBoxes(bytes)
  expect(boxes.indexOf('moov'), boxes.join(' ')).toBeGreaterThan(0)
  expect(boxes.indexOf('moov'), boxes.join(' ')).toBeLessThan(boxes.indexOf('mdat'))

  const read = await readVideo(bytes)
  expect(read.mimeType).toMatch(/^video\/mp4/)
  expect(read.codec).toBe('avc')
  // `avc1.PPCCLL`: profile High (64), Main (4d) or Constrained Baseline (42); level 3.1.
  expect(read.codecString).toMatch(/^avc1\.(64|4d|42)[0-9a-f]{2}[0-9a-f]{2}$/)
  expect(parseInt(read.codecString!.slice(-2), 16)).toBe(LEVEL_3_1)
  expect(read.size).toEqual([1280, 720])
  expect(Math.abs(read.duration - total)).toBeLessThanOrEqual(1 / FPS + 1e-6)

  const { size, colours } = await coloursAt(page, bytes, midpoints(shots.map((s) => s.duration)))
  expect(size).toEqual([1280, 720])
  const expected = shots.map((shot) => (Array.isArray(shot.image) ? shot.image : CARD))
  colours.forEach((colour, i) => expect(near(colour, expected[i]!), `shot ${i + 1}: ${colour} should be near ${expected[i]}`).toBe(true))

  // Escape closes it; the keyboard goes back to the canvas (the menu item that opened it is gone), not to the page's body.
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(page.locator('.tl-container')).toBeFocused()
})

test('a vertical board and a scope board export MP4 at their own shape, each side even: 720×1280 and 1280×536', async ({ newPerson, server }) => {
  const page = await newPerson()
  for (const [aspect, size] of [
    ['9:16', [720, 1280]],
    ['2.39:1', [1280, 536]],
  ] as const) {
    const boardId = await boardWithShots(server.url, `Board ${aspect}`, [{ title: 'Only', duration: 1, image: [40, 200, 60] }], { aspect })
    await openBoard(page, boardUrl(server.url, boardId))
    const video = await exportVideo(page, 'MP4 (H.264)')
    expect(video.name).toMatch(/\.mp4$/)
    const read = await readVideo(video.bytes)
    expect(read.codec).toBe('avc')
    expect(parseInt(read.codecString!.slice(-2), 16)).toBe(LEVEL_3_1)
    expect(read.size).toEqual(size)
    expect(Math.abs(read.duration - 1)).toBeLessThanOrEqual(1 / FPS + 1e-6)
    const { size: played, colours } = await coloursAt(page, video.bytes, [0.5])
    expect(played).toEqual(size)
    expect(near(colours[0]!, [40, 200, 60]), `${colours[0]}`).toBe(true)
  }
})

test('the format last chosen is chosen again next time, after a reload too', async ({ newPerson, server }) => {
  const boardId = await boardWithShots(server.url, 'Remembered', [{ title: 'One', duration: 0.5, image: null }])
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))
  const webm = await exportVideo(page, 'WebM')
  expect(webm.name).toBe('remembered.webm')
  expect((await readVideo(webm.bytes)).mimeType).toMatch(/^video\/webm/)
  await page.keyboard.press('Escape')

  await page.reload()
  await openBoard(page, boardUrl(server.url, boardId))
  const panel = await openExportDialog(page)
  await expect(panel.getByRole('radio', { name: 'WebM' })).toBeChecked()
  await expect(panel.getByRole('radio', { name: 'MP4 (H.264)' })).not.toBeChecked()
  // The same the other way: MP4 chosen (here with the arrow keys), then Cancel.
  await page.keyboard.press('ArrowUp')
  await expect(panel.getByRole('radio', { name: 'MP4 (H.264)' })).toBeChecked()
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel).toHaveCount(0)
  await expect(page.locator('.tl-container')).toBeFocused()
  await openExportDialog(page)
  await expect(panel.getByRole('radio', { name: 'MP4 (H.264)' })).toBeChecked()
})

/** Rec. 601 luma: how light a colour looks. */
const luma = ([r, g, b]: Rgb) => 0.299 * r + 0.587 * g + 0.114 * b

test('Timecode, off at first, burns a dark plate with light text into the top right of the frame, and is ticked again next time', async ({ newPerson, server }) => {
  const green: Rgb = [40, 200, 60]
  const boardId = await boardWithShots(server.url, 'Burn in', [{ title: 'One', duration: 1, image: green }])
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))
  const panel = await openExportDialog(page)
  await expect(panel.getByRole('checkbox', { name: 'Timecode' })).not.toBeChecked()
  await panel.getByRole('button', { name: 'Cancel' }).click()
  const plain = await exportVideo(page)
  await page.keyboard.press('Escape')
  const burnt = await exportVideo(page, undefined, { timecode: true })
  await page.keyboard.press('Escape')

  // The frame's top right quarter (the number and title are at the top left), a frame apart in
  // each video, so both are saved to the test's output.
  const topRight: FrameRegion = [0.5, 0, 1, 0.25]
  const [without] = (await coloursAt(page, plain.bytes, [0.5 - 1 / FPS], topRight)).regions
  expect(without!.filter((pixel) => !near(pixel, green)).length, 'unticked: the shot’s flat colour throughout').toBe(0)
  const [within] = (await coloursAt(page, burnt.bytes, [0.5], topRight)).regions
  const flat = within!.filter((pixel) => near(pixel, green)).length
  const dark = within!.filter((pixel) => luma(pixel) < luma(green) - 50).length
  const light = within!.filter((pixel) => Math.min(...pixel) > 170).length
  // The plate (about 280×42 of the 640×180 pixels here), the text on it, and the shot's colour round it.
  expect(dark, 'the plate').toBeGreaterThan(within!.length * 0.04)
  expect(light, 'its text').toBeGreaterThan(20)
  expect(flat, 'the shot’s colour elsewhere').toBeGreaterThan(within!.length * 0.75)

  await page.reload()
  await openBoard(page, boardUrl(server.url, boardId))
  await openExportDialog(page)
  await expect(panel.getByRole('checkbox', { name: 'Timecode' })).toBeChecked()
})

test('a browser that cannot encode H.264 shows MP4 disabled with the reason, and exports WebM', async ({ newPerson, server }) => {
  const boardId = await boardWithShots(server.url, 'No H264', [{ title: 'One', duration: 0.5, image: null }])
  const page = await newPerson()
  // As a browser without an H.264 encoder answers, even if MP4 was this person's choice before.
  await withoutEncoder(page, 'video', 'avc')
  await openBoard(page, boardUrl(server.url, boardId))
  const panel = await openExportDialog(page)
  const mp4 = panel.getByRole('radio', { name: 'MP4 (H.264)' })
  await expect(mp4).toBeDisabled()
  await expect(mp4).toHaveAccessibleDescription('This browser can’t encode H.264.')
  await expect(panel).toContainText('This browser can’t encode H.264.')
  await expect(panel.getByRole('radio', { name: 'WebM' })).toBeChecked()
  await panel.getByRole('button', { name: 'Cancel' }).click()

  const video = await exportVideo(page)
  expect(video.name).toBe('no-h264.webm')
  expect((await readVideo(video.bytes)).mimeType).toMatch(/^video\/webm/)
})

test('a browser that encodes H.264 but not AAC says before the export that its MP4 would be silent and WebM keeps the sound; without sound it says nothing', async ({ newPerson, server }) => {
  const boardId = await boardWithShots(server.url, 'No AAC', [{ title: 'One', duration: 0.5, image: null }], { soundtrack: { wav: makeWav(1), seconds: 1 } })
  // A laptop's screen: the dialog's options outgrow it.
  const page = await newPerson({ viewport: { width: 1366, height: 768 } })
  // As Firefox, or a Chromium built without AAC, answers.
  await withoutEncoder(page, 'audio', 'mp4a')
  await openBoard(page, boardUrl(server.url, boardId))
  const panel = await openExportDialog(page)
  const mp4 = panel.getByRole('radio', { name: 'MP4 (H.264)' })
  const webm = panel.getByRole('radio', { name: 'WebM' })
  await expect(mp4).toBeChecked()
  const silent = 'This browser can’t encode AAC audio, so an MP4 made here is silent. WebM keeps the sound.'
  await expect(mp4).toHaveAccessibleDescription(`Opens in QuickTime, PowerPoint and Keynote, and on review sites. ${silent}`)
  await expect(panel).toContainText(silent)
  // The options scroll under the dialog's buttons, which stay in sight: Export video needs no scrolling.
  await expect(panel.getByRole('button', { name: 'Export video' })).toBeInViewport({ ratio: 1 })
  await expect(webm).toHaveAccessibleDescription('Plays in web browsers; QuickTime and Keynote don’t open it.')
  // Without the soundtrack the video is silent anyway: nothing to warn of.
  await panel.getByRole('checkbox', { name: /^Include soundtrack/ }).uncheck()
  await expect(mp4).toHaveAccessibleDescription('Opens in QuickTime, PowerPoint and Keynote, and on review sites.')
  await expect(panel).not.toContainText(silent)
})

test('a browser that encodes neither H.264 nor VP9/VP8 says so for each, and Export video cannot be pressed', async ({ newPerson, server }) => {
  const boardId = await boardWithShots(server.url, 'No encoders', [{ title: 'One', duration: 0.5, image: null }])
  const page = await newPerson()
  await page.addInitScript(() => {
    VideoEncoder.isConfigSupported = async (config) => ({ supported: false, config })
  })
  await openBoard(page, boardUrl(server.url, boardId))
  const panel = await openExportDialog(page)
  await expect(panel.getByRole('radio', { name: 'MP4 (H.264)' })).toHaveAccessibleDescription('This browser can’t encode H.264.')
  await expect(panel.getByRole('radio', { name: 'WebM' })).toHaveAccessibleDescription('This browser can’t encode VP9 or VP8.')
  // Both formats (the Shots choice above them is not a format).
  const formats = panel.getByRole('group', { name: 'Format' }).getByRole('radio')
  await expect(formats).toHaveCount(2)
  for (const radio of await formats.all()) {
    await expect(radio).toBeDisabled()
    await expect(radio).not.toBeChecked()
  }
  await expect(panel.getByRole('button', { name: 'Export video' })).toBeDisabled()
  // Nothing to choose: the keyboard waits on Cancel.
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeFocused()
})
