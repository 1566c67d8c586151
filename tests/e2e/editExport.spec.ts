import { readFile } from 'node:fs/promises'
import { XMLParser } from 'fast-xml-parser'
import { unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { makeWav } from '../support/makeWav'
import { CARD, boardWithShots, near, type Rgb, type TestShot } from './support/animaticVideo'
import { boardUrl, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'

test('Export for editing downloads a ZIP an editor imports: a still per shot, the soundtrack, Final Cut Pro 7 XML and a CMX3600 EDL of the cut and its sound', async ({ newPerson, server }) => {
  const shots: TestShot[] = [
    { title: 'Harbour', duration: 1.5, image: [220, 40, 40] },
    // A 0.5 s cry from its first frame (1.5 s in), under which the soundtrack is ducked.
    { title: 'Gulls', duration: 0.75, image: null, sound: { wav: makeWav(0.5, { hz: 880 }), seconds: 0.5 } },
  ]
  const wav = makeWav(4)
  const boardId = await boardWithShots(server.url, 'Harbour spot', shots, { soundtrack: { wav, seconds: 4 } })
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))

  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Export for editing…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export for editing' })
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export for editing' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('harbour-spot-edit.zip')
  await expect(dialog.getByRole('status')).toHaveText('Downloaded harbour-spot-edit.zip (stills 1920×1080).')

  const files = unzipSync(await readFile((await file.path())!))
  expect(Object.keys(files).sort()).toEqual([
    'README.txt',
    'audio/020_1.2_Gulls.wav',
    'audio/soundtrack-soundtrack.wav',
    'harbour-spot.edl',
    'harbour-spot.xml',
    'stills/010_1.1_Harbour.png',
    'stills/020_1.2_Gulls.png',
  ])
  // The soundtrack as uploaded.
  expect(Buffer.from(files['audio/soundtrack-soundtrack.wav']!).equals(Buffer.from(wav))).toBe(true)
  // Each still is full HD, with the shot's picture: its image, or its placeholder card.
  const stills = await Promise.all(['stills/010_1.1_Harbour.png', 'stills/020_1.2_Gulls.png'].map((name) => pngSizeAndColour(page, files[name]!)))
  expect(stills.map((s) => s.size)).toEqual([
    [1920, 1080],
    [1920, 1080],
  ])
  expect(near(stills[0]!.colour, [220, 40, 40]), `${stills[0]!.colour}`).toBe(true)
  expect(near(stills[1]!.colour, CARD), `${stills[1]!.colour}`).toBe(true)

  // The XML: one sequence at 24 fps with a clip per shot, each as long as its shot.
  const xml = new XMLParser({ isArray: (name) => name === 'clipitem' || name === 'keyframe' }).parse(new TextDecoder().decode(files['harbour-spot.xml']))
  const clips = xml.xmeml.sequence.media.video.track.clipitem as { name: string; start: number; end: number }[]
  expect(clips.map((c) => [c.name, c.end - c.start])).toEqual([
    ['1.1 Harbour', 36],
    ['1.2 Gulls', 18],
  ])
  // The soundtrack on A1 under the whole sequence.
  type Levels = { filter?: { effect: { name: string; parameter: { keyframe: { when: number; value: number }[] } } } }
  const a1 = xml.xmeml.sequence.media.audio.track[0].clipitem as ({ start: number; end: number; file: { pathurl: string } } & Levels)[]
  expect(a1.map((c) => [c.start, c.end, c.file.pathurl])).toEqual([[0, 54, 'audio/soundtrack-soundtrack.wav']])
  // Ducked −12 dB (the new board's setting) under the cry as Present plays it: down in the 0.15 s
  // before frame 36, up in the 0.15 s after frame 48, as Audio Levels keyframes (linear gain).
  expect(a1[0]!.filter?.effect.name).toBe('Audio Levels')
  expect(a1[0]!.filter?.effect.parameter.keyframe.map((k) => [k.when, k.value])).toEqual([
    [0, 1],
    [32, 1],
    [36, 0.2512],
    [48, 0.2512],
    [52, 1],
    [54, 1],
  ])
  // The EDL: two picture events, back to back from 01:00:00:00, then the soundtrack as an A event under
  // both and the cry as an A2 event at its shot (no levels: an EDL has none).
  const edl = new TextDecoder().decode(files['harbour-spot.edl']).split('\r\n')
  expect(edl.filter((line) => /^\d{3} {2}/.test(line))).toEqual([
    '001  AX       V     C        00:00:00:00 00:00:01:12 01:00:00:00 01:00:01:12',
    '002  AX       V     C        00:00:00:00 00:00:00:18 01:00:01:12 01:00:02:06',
    '003  SOUNDTRA A     C        00:00:00:00 00:00:02:06 01:00:00:00 01:00:02:06',
    '004  020_1_2  A2    C        00:00:00:00 00:00:00:12 01:00:01:12 01:00:02:00',
  ])
  expect(edl[edl.indexOf('003  SOUNDTRA A     C        00:00:00:00 00:00:02:06 01:00:00:00 01:00:02:06') + 1]).toBe('* FROM CLIP NAME: soundtrack-soundtrack.wav')
})

test('Export for editing takes one scene: only its stills, in a sequence of its own from 01:00:00:00 named for it; an empty scene cannot be exported', async ({ newPerson, server }) => {
  const shots: TestShot[] = [
    { title: 'Harbour', duration: 1, image: [220, 40, 40] },
    { title: 'Gulls', duration: 0.5, image: null },
    // Scene 2's first shot dissolves in on the board: the scene starts on its picture, as a cut.
    { title: 'Lighthouse', duration: 1.5, image: [40, 40, 220], transitionIn: 'dissolve', scene: 1 },
    { title: 'Beam', duration: 0.75, image: null, scene: 1 },
  ]
  const boardId = await boardWithShots(server.url, 'Harbour spot', shots, { scenes: ['Day', 'Night', 'Epilogue'] })
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))

  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Export for editing…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export for editing' })
  await expect(dialog.getByRole('radio', { name: 'Whole board' })).toBeChecked()
  const scene = dialog.getByRole('combobox', { name: 'Scene' })
  const exportButton = dialog.getByRole('button', { name: 'Export for editing' })
  // The scenes are offered as the strip numbers and names them (the names isolated, as typed text).
  await scene.selectOption({ label: '3 \u2068Epilogue\u2069' })
  await expect(dialog.getByRole('radio', { name: 'Scene' })).toBeChecked()
  await expect(exportButton).toBeDisabled()
  await expect(exportButton).toHaveAccessibleDescription('Scene 3 has no shots.')
  await scene.selectOption({ label: '2 \u2068Night\u2069' })
  const download = page.waitForEvent('download')
  await exportButton.click()
  const file = await download
  expect(file.suggestedFilename()).toBe('harbour-spot-sc02-edit.zip')

  const files = unzipSync(await readFile((await file.path())!))
  expect(Object.keys(files).sort()).toEqual(['README.txt', 'harbour-spot-sc02.edl', 'harbour-spot-sc02.xml', 'stills/010_2.1_Lighthouse.png', 'stills/020_2.2_Beam.png'])
  const first = await pngSizeAndColour(page, files['stills/010_2.1_Lighthouse.png']!)
  expect(near(first.colour, [40, 40, 220]), `${first.colour}`).toBe(true)
  const xml = new XMLParser({ isArray: (name) => name === 'clipitem' }).parse(new TextDecoder().decode(files['harbour-spot-sc02.xml']))
  expect(xml.xmeml.sequence.name).toBe('Harbour spot sc02')
  expect((xml.xmeml.sequence.media.video.track.clipitem as { name: string }[]).map((c) => c.name)).toEqual(['2.1 Lighthouse', '2.2 Beam'])
  // The EDL: scene 2's shots only, its first a cut at 01:00:00:00.
  const edl = new TextDecoder().decode(files['harbour-spot-sc02.edl']).split('\r\n')
  expect(edl[0]).toBe('TITLE: Harbour spot sc02')
  expect(edl.filter((line) => /^\d{3} {2}/.test(line))).toEqual([
    '001  AX       V     C        00:00:00:00 00:00:01:12 01:00:00:00 01:00:01:12',
    '002  AX       V     C        00:00:00:00 00:00:00:18 01:00:01:12 01:00:02:06',
  ])
})

/** A PNG's size, and its colour left of centre (clear of a caption), as a browser decodes it. */
async function pngSizeAndColour(page: Page, png: Uint8Array): Promise<{ size: [number, number]; colour: Rgb }> {
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(bitmap, 0, 0)
    const [r, g, b] = ctx.getImageData(Math.round(bitmap.width * 0.3), Math.round(bitmap.height / 2), 1, 1).data
    return { size: [bitmap.width, bitmap.height] as [number, number], colour: [r!, g!, b!] as Rgb }
  }, Buffer.from(png).toString('base64'))
}
