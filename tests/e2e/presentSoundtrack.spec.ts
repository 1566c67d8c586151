import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny'
import { makeWav } from '../support/makeWav'
import { boardWithShots } from './support/animaticVideo'
import { boardUrl, openBoard } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { expectNoBlockingViolations } from './support/axeAudit'
import { expect, test } from './support/fixtures'

/** The soundtrack's audio element in Present: where it is, and whether it plays. */
async function audioState(page: Page): Promise<{ time: number; paused: boolean }> {
  return page.locator('audio.presentation__soundtrack').evaluate((audio: HTMLAudioElement) => ({ time: audio.currentTime, paused: audio.paused }))
}

/** Seconds on Present's clock (`0:03.2 / 0:06.0`). */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.locator('.presentation-controls__clock').textContent()) ?? ''
  const [m, s] = text.split(' / ')[0]!.split(':')
  return Number(m) * 60 + Number(s)
}

test('a soundtrack set from the main menu plays in Present with the playhead: it moves on as the animatic plays, follows a step, and pauses with it; Export video puts it in the file', async ({ newPerson, server }, testInfo) => {
  const boardId = await boardWithShots(server.url, 'Radio spot', [
    { title: 'Kitchen', duration: 3, image: null },
    { title: 'Radio', duration: 3, image: null },
  ])
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))

  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Soundtrack…' }).click()
  const panel = page.locator('.soundtrack-panel')
  await expect(panel).toContainText('No soundtrack')
  await panel.getByLabel('Soundtrack file').setInputFiles({ name: 'scratch VO.wav', mimeType: 'audio/wav', buffer: Buffer.from(makeWav(8)) })
  await expect(panel.locator('.soundtrack-panel__current')).toHaveText('scratch VO.wav · 0:08.0')
  await expectNoBlockingViolations(page, testInfo, 'Soundtrack dialog', { include: ['.soundtrack-panel'] })
  await panel.getByRole('button', { name: 'Done' }).click()

  // The browser refuses the first play, as its autoplay rules do for a viewer who has not used the page yet.
  await page.addInitScript(() => {
    const play = HTMLMediaElement.prototype.play
    let refusals = 1
    HTMLMediaElement.prototype.play = function () {
      if (refusals-- > 0) return Promise.reject(new DOMException('play() failed because the user did not interact with the document first.', 'NotAllowedError'))
      return play.call(this)
    }
  })
  await page.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(page.getByText('Shot 1 of 2')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'false')
  expect(await audioState(page)).toEqual({ time: 0, paused: true })
  await expectNoBlockingViolations(page, testInfo, 'Present with a soundtrack', { include: ['.presentation-controls'] })

  await page.keyboard.press('Space')
  // Refused: the viewer is told, and a click on the prompt starts the audio (the prompt goes).
  const blocked = page.getByRole('button', { name: 'Sound blocked — click to hear' })
  await expect(blocked).toBeVisible()
  expect((await audioState(page)).paused).toBe(true)
  await expectNoBlockingViolations(page, testInfo, 'Present with the soundtrack blocked', { include: ['.presentation-controls'] })
  await blocked.click()
  await expect(blocked).toHaveCount(0)
  // The audio plays along and runs on with the playhead (it is sought back only when it drifts).
  await expect.poll(async () => (await audioState(page)).paused).toBe(false)
  await expect.poll(async () => (await audioState(page)).time).toBeGreaterThan(1)
  expect((await audioState(page)).paused).toBe(false)
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  await expect.poll(async () => (await audioState(page)).paused).toBe(true)
  const paused = await audioState(page)
  expect(Math.abs(paused.time - (await clockSeconds(page)))).toBeLessThan(0.25)

  // Home, then a step, while paused take the audio to the start, then to the next shot's start, still paused.
  await page.keyboard.press('Home')
  await expect.poll(async () => (await audioState(page)).time).toBe(0)
  await page.keyboard.press('ArrowRight')
  await expect(page.getByText('Shot 2 of 2')).toBeVisible()
  await expect.poll(async () => (await audioState(page)).time).toBeCloseTo(3, 1)
  expect((await audioState(page)).paused).toBe(true)

  // Export video (Present's header) has it as the file's audio track: Opus in a WebM, cut to the animatic's 6 s.
  await page.getByRole('button', { name: 'Export video' }).click()
  const exportPanel = page.locator('.animatic-export')
  await expect(exportPanel.getByRole('checkbox', { name: /^Include soundtrack: +scratch VO\.wav$/ })).toBeChecked()
  await exportPanel.getByRole('radio', { name: 'WebM' }).check()
  const download = page.waitForEvent('download')
  await exportPanel.getByRole('button', { name: 'Export video', exact: true }).click()
  const file = new Input({ source: new BufferSource(await readFile((await (await download).path())!)), formats: ALL_FORMATS })
  const audioTrack = await file.getPrimaryAudioTrack()
  expect(await audioTrack?.getCodec()).toBe('opus')
  expect(await audioTrack!.computeDuration()).toBeCloseTo(6, 1)
  await expect(exportPanel.getByRole('alert')).toHaveCount(0)
})

declare global {
  interface Window {
    /** When each Time to sound key (T, →, Space) went down, in seconds on the page's clock. */
    timingKeys?: number[]
  }
}

/** Each shot's duration on the board as `page`'s canvas has it, in the shots' order (titles S1…). */
async function durations(page: Page): Promise<number[]> {
  const shots = (await shotsOnPage(page)) as unknown as { props: { title: string; duration: number } }[]
  return shots.sort((a, b) => a.props.title.localeCompare(b.props.title)).map((shot) => shot.props.duration)
}

test('Time to sound: an editor taps the cuts over the soundtrack in Present; the shots take the times between taps, for everyone, and one undo puts them back', async ({ newPerson, server }, testInfo) => {
  const shots = ['S1', 'S2', 'S3', 'S4'].map((title) => ({ title, duration: 1, image: null }))
  const boardId = await boardWithShots(server.url, 'Jingle', shots, { soundtrack: { wav: makeWav(10), seconds: 10 } })
  const ada = await newPerson()
  await ada.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(ada.getByText('Shot 1 of 4')).toBeVisible({ timeout: 60_000 })
  // When each key went down, by the page's own clock: what the taps are measured against.
  await ada.evaluate(() => {
    window.timingKeys = []
    window.addEventListener('keydown', (event) => ['t', 'ArrowRight', ' '].includes(event.key) && window.timingKeys!.push(event.timeStamp / 1000), true)
  })
  const recording = ada.getByRole('status').filter({ hasText: 'Tap → or Space at each cut · Esc to stop' })

  await ada.keyboard.press('t')
  await expect(recording).toBeVisible()
  await expect(ada.getByRole('button', { name: 'Stop timing' })).toBeVisible()
  await expect(ada.getByRole('button', { name: 'Next shot' })).toBeDisabled()
  await expectNoBlockingViolations(ada, testInfo, 'Present timing to sound', { include: ['.tap-timing', '.presentation-controls'] })
  await ada.waitForTimeout(600)
  await ada.keyboard.press('ArrowRight')
  await expect(ada.getByText('Shot 2 of 4')).toBeVisible()
  // Held past its old second, the shot stays until the tap, and the soundtrack plays on under it.
  await ada.waitForTimeout(1600)
  await expect(ada.getByText('Shot 2 of 4')).toBeVisible()
  const [start, firstCut] = (await ada.evaluate(() => window.timingKeys!)) as [number, number]
  await expect.poll(async () => (await audioState(ada)).time).toBeGreaterThan(firstCut - start + 1.2)
  expect((await audioState(ada)).paused).toBe(false)
  await ada.keyboard.press('Space')
  await expect(ada.getByText('Shot 3 of 4')).toBeVisible()
  await ada.waitForTimeout(900)
  await ada.keyboard.press('ArrowRight')
  await expect(ada.getByText('Shot 4 of 4')).toBeVisible()
  // Esc stops (Present stays open); the shot on screen keeps its duration.
  await ada.keyboard.press('Escape')
  await expect(recording).toHaveCount(0)
  await expect(ada.getByRole('status').filter({ hasText: /^Timed 3 shots · 0:0\d\.\d/ })).toBeVisible()
  await expectNoBlockingViolations(ada, testInfo, 'Present after timing to sound', { include: ['.tap-timing'] })
  expect(new URL(ada.url()).pathname).toBe(`/b/${boardId}/present`)

  const keys = await ada.evaluate(() => window.timingKeys!)
  expect(keys).toHaveLength(4)
  const gaps = keys.slice(1).map((at, i) => at - keys[i]!)
  const ben = await newPerson()
  await openBoard(ben, boardUrl(server.url, boardId))
  // Each shot lasts the time between its taps, to the frame (24 fps) the cuts were rounded to.
  await expect.poll(async () => (await durations(ben))[3]).toBe(1)
  await expect.poll(async () => (await durations(ben)).slice(0, 3).map((d, i) => Math.abs(d - gaps[i]!) <= 1 / 24 + 0.001)).toEqual([true, true, true])
  expect((await durations(ben)).slice(0, 3)).not.toEqual([1, 1, 1])

  // One undo takes the whole timing back, for everyone.
  await ada.keyboard.press('Control+z')
  await expect.poll(() => durations(ben)).toEqual([1, 1, 1, 1])
})

/**
 * Where the soundtrack's waveform under Present's timeline is drawn, as fractions of its width:
 * its first and last column with any painted pixel (null: nothing drawn yet).
 */
async function drawnSpan(page: Page): Promise<[number, number] | null> {
  return page.locator('canvas.presentation-timeline__waveform').evaluate((canvas: HTMLCanvasElement) => {
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    const drawn: number[] = []
    for (let x = 0; x < width; x++) {
      for (let y = 0; y < height; y++) {
        if (data[(y * width + x) * 4 + 3]! > 0) {
          drawn.push(x)
          break
        }
      }
    }
    return drawn.length === 0 ? null : [drawn[0]! / width, (drawn.at(-1)! + 1) / width]
  })
}

test('Present draws the soundtrack’s waveform under the timeline as the animatic plays it: silent then loud, and moved live by Starts at', async ({ newPerson, server }) => {
  const shots = [
    { title: 'Hush', duration: 3, image: null },
    { title: 'Drums', duration: 3, image: null },
  ]
  // 8 s of sound, silent for the first 4: the 6 s animatic hears it loud from two thirds of the way.
  const boardId = await boardWithShots(server.url, 'Drum roll', shots, { soundtrack: { wav: makeWav(8, { silentFor: 4 }), seconds: 8 } })
  const viewer = await newPerson()
  await viewer.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(viewer.getByText('Shot 1 of 2')).toBeVisible({ timeout: 60_000 })
  await expect(viewer.locator('canvas.presentation-timeline__waveform')).toHaveAttribute('aria-hidden', 'true')
  await expect.poll(() => drawnSpan(viewer)).not.toBeNull()
  const [loudFrom, loudTo] = (await drawnSpan(viewer))!
  expect(loudFrom).toBeCloseTo(4 / 6, 1)
  expect(loudTo).toBeCloseTo(1, 1)

  // An editor sets Starts at to 2 s: the viewer's animatic now hears the file from 2 s, loud from a third of the way.
  const editor = await newPerson()
  await openBoard(editor, boardUrl(server.url, boardId))
  await editor.getByTestId('main-menu.button').click()
  await editor.getByRole('menuitem', { name: 'Soundtrack…' }).click()
  await editor.getByLabel('Starts at').fill('2')
  await editor.getByLabel('Starts at').press('Enter')
  await expect.poll(async () => (await drawnSpan(viewer))?.[0]).toBeCloseTo(2 / 6, 1)
  expect((await drawnSpan(viewer))![1]).toBeCloseTo(1, 1)
})
