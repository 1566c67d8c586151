import { readFile } from 'node:fs/promises'
import { XMLParser } from 'fast-xml-parser'
import { unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { CARD, boardWithShots, near, type Rgb, type TestShot } from './support/animaticVideo'
import { boardUrl, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'

test('Export for editing downloads a ZIP an editor imports: a still per shot, Final Cut Pro 7 XML and a CMX3600 EDL of the cut', async ({ newPerson, server }) => {
  const shots: TestShot[] = [
    { title: 'Harbour', duration: 1.5, image: [220, 40, 40] },
    { title: 'Gulls', duration: 0.75, image: null },
  ]
  const boardId = await boardWithShots(server.url, 'Harbour spot', shots)
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
  expect(Object.keys(files).sort()).toEqual(['README.txt', 'harbour-spot.edl', 'harbour-spot.xml', 'stills/010_1.1_Harbour.png', 'stills/020_1.2_Gulls.png'])
  // Each still is full HD, with the shot's picture: its image, or its placeholder card.
  const stills = await Promise.all(['stills/010_1.1_Harbour.png', 'stills/020_1.2_Gulls.png'].map((name) => pngSizeAndColour(page, files[name]!)))
  expect(stills.map((s) => s.size)).toEqual([
    [1920, 1080],
    [1920, 1080],
  ])
  expect(near(stills[0]!.colour, [220, 40, 40]), `${stills[0]!.colour}`).toBe(true)
  expect(near(stills[1]!.colour, CARD), `${stills[1]!.colour}`).toBe(true)

  // The XML: one sequence at 24 fps with a clip per shot, each as long as its shot.
  const xml = new XMLParser({ isArray: (name) => name === 'clipitem' }).parse(new TextDecoder().decode(files['harbour-spot.xml']))
  const clips = xml.xmeml.sequence.media.video.track.clipitem as { name: string; start: number; end: number }[]
  expect(clips.map((c) => [c.name, c.end - c.start])).toEqual([
    ['1.1 Harbour', 36],
    ['1.2 Gulls', 18],
  ])
  // The EDL: two events, back to back from 01:00:00:00.
  const events = new TextDecoder()
    .decode(files['harbour-spot.edl'])
    .split('\r\n')
    .filter((line) => /^\d{3} {2}/.test(line))
  expect(events).toEqual([
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
