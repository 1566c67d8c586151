import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny'
import { makeWav } from '../support/makeWav'
import { boardWithShots } from './support/animaticVideo'
import { boardUrl, openBoard } from './support/boardPage'
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
