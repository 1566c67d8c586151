import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { makeWav } from '../support/makeWav'
import { boardWithShots } from './support/animaticVideo'
import { boardUrl } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { openBoardWithStrip, stripCard } from './support/sequenceStrip'
import { expect, test } from './support/fixtures'

/** The shot sound's audio element in Present: which shot's sound it holds, where it is, and whether it plays. */
async function shotSoundState(page: Page): Promise<{ shot: string | null; time: number; paused: boolean; volume: number }> {
  return page
    .locator('audio.presentation__shot-sound')
    .evaluate((audio: HTMLAudioElement) => ({ shot: audio.dataset.shotSound ?? null, time: audio.currentTime, paused: audio.paused, volume: audio.volume }))
}

/** The soundtrack's volume in Present (the level it plays at, 0 to 1). */
async function soundtrackVolume(page: Page): Promise<number> {
  return page.locator('audio.presentation__soundtrack').evaluate((audio: HTMLAudioElement) => audio.volume)
}

/** Where the shot sound's audio is and whether it plays, with the soundtrack's volume at that same moment. */
async function lineAndSoundtrack(page: Page): Promise<{ line: number; playing: boolean; soundtrack: number }> {
  return page.evaluate(() => {
    const line = document.querySelector<HTMLAudioElement>('audio.presentation__shot-sound')!
    const soundtrack = document.querySelector<HTMLAudioElement>('audio.presentation__soundtrack')!
    return { line: line.currentTime, playing: !line.paused, soundtrack: soundtrack.volume }
  })
}

/** How loud `file`'s audio is (RMS of its first channel) over each window of seconds, decoded by `page`'s browser. */
async function loudness(page: Page, file: Buffer, windows: [number, number][]): Promise<number[]> {
  return page.evaluate(
    async ({ base64, windows }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const audio = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(bytes.buffer)
      const samples = audio.getChannelData(0)
      return windows.map(([from, to]) => {
        const part = samples.subarray(Math.floor(from * audio.sampleRate), Math.floor(to * audio.sampleRate))
        return Math.sqrt(part.reduce((sum, x) => sum + x * x, 0) / Math.max(part.length, 1))
      })
    },
    { base64: file.toString('base64'), windows },
  )
}

test('a sound added to a shot in the inspector is marked on it for another person, its Volume set to 40 % reaches them live, and their Present plays it at that level from the shot’s start, cut at its end, the soundtrack ducked under it by the board’s setting; Export video mixes it in there at that level, over the ducked soundtrack', async ({ newPerson, server }) => {
  const boardId = await boardWithShots(server.url, 'Door spot', [
    { title: 'Knock', duration: 2, image: null },
    { title: 'Hall', duration: 3, image: null },
  ])
  const ada = await newPerson()
  await openBoardWithStrip(ada, boardUrl(server.url, boardId))
  const shots = (await shotsOnPage(ada)) as unknown as { id: string; props: { title: string; sound: unknown } }[]
  const knock = shots.find((shot) => shot.props.title === 'Knock')!.id
  const propsOfKnock = async () => ((await shotsOnPage(ada)) as unknown as { id: string; props: { sound: unknown; soundVolume: number } }[]).find((shot) => shot.id === knock)?.props
  const soundOfKnock = async () => (await propsOfKnock())?.sound

  await stripCard(ada, knock).locator('.strip-card__body').click()
  const section = ada.getByTestId('shot-inspector').getByRole('group', { name: 'Sound' })
  await expect(section).toContainText('No sound of its own.')
  // Not audio: refused with why, and the shot keeps no sound.
  await section.getByLabel('Sound file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('INT. HALL - NIGHT') })
  await expect(section.getByRole('alert')).toHaveText(/cannot play that file/)
  expect(await soundOfKnock()).toBeNull()

  // A 3-second line on a 2-second shot.
  await section.getByLabel('Sound file').setInputFiles({ name: 'line-12.wav', mimeType: 'audio/wav', buffer: Buffer.from(makeWav(3)) })
  await expect(section.getByTestId('shot-sound-name')).toHaveText('line-12.wav · 3.0 s')
  await expect(section.getByRole('alert')).toHaveCount(0)
  await expect(section.getByRole('button', { name: 'Remove' })).toBeVisible()
  expect(await soundOfKnock()).toMatchObject({ name: 'line-12.wav', mimeType: 'audio/wav', duration: 3 })

  // Ben, on the board, sees which shot has a sound and what it is.
  const ben = await newPerson()
  await openBoardWithStrip(ben, boardUrl(server.url, boardId))
  await expect(stripCard(ben, knock).getByTestId('shot-sound-mark')).toHaveAttribute('aria-label', 'Sound: line-12.wav, 3.0 s')
  await expect(ben.locator('.shot-panel').getByRole('img', { name: 'Sound: line-12.wav, 3.0 s' })).toHaveCount(1)

  // Volume: Ben, with the shot selected, watches it at 100 %; Ada types 40, a key at a time.
  await stripCard(ben, knock).locator('.strip-card__body').click()
  const benVolume = ben.getByTestId('shot-inspector').getByRole('group', { name: 'Sound' }).getByRole('slider', { name: 'Volume' })
  await expect(benVolume).toHaveValue('100')
  const volumeField = section.getByRole('textbox', { name: 'Volume (%)' })
  await volumeField.selectText()
  await volumeField.pressSequentially('40')
  await expect(section.getByRole('slider', { name: 'Volume' })).toHaveValue('40')
  await expect.poll(async () => (await propsOfKnock())?.soundVolume).toBe(0.4)
  // What she typed is one undo step (not 4 % first), and comes back with redo.
  await volumeField.press('Escape')
  await ada.keyboard.press('Control+z')
  await expect.poll(async () => (await propsOfKnock())?.soundVolume).toBe(1)
  await expect(volumeField).toHaveValue('100')
  await ada.keyboard.press('Control+Shift+z')
  await expect.poll(async () => (await propsOfKnock())?.soundVolume).toBe(0.4)
  // Ben's inspector follows, live.
  await expect(benVolume).toHaveValue('40')
  await expect(ben.getByTestId('shot-inspector').getByRole('textbox', { name: 'Volume (%)' })).toHaveValue('40')

  // Ada gives the board temp music (a lower tone than the line) and ducks it under shot sounds by
  // 18 dB (a new board ducks by 12 until someone chooses).
  await ada.getByTestId('main-menu.button').click()
  await ada.getByRole('menuitem', { name: 'Soundtrack…' }).click()
  const soundtrackPanel = ada.locator('.soundtrack-panel')
  await soundtrackPanel.getByLabel('Soundtrack file').setInputFiles({ name: 'temp score.wav', mimeType: 'audio/wav', buffer: Buffer.from(makeWav(6, { hz: 220 })) })
  await expect(soundtrackPanel.locator('.soundtrack-panel__current')).toHaveText('temp score.wav · 0:06.0')
  const duck = soundtrackPanel.getByLabel('Duck soundtrack under shot sounds')
  await expect(duck.locator('option:checked')).toHaveText('−12 dB')
  await duck.selectOption({ label: '−18 dB' })
  await soundtrackPanel.getByRole('button', { name: 'Done' }).click()

  // His Present holds the sound from the first shot's start and plays it with the animatic; the
  // soundtrack under it plays 18 dB down (an eighth of its amplitude) while it does.
  await ben.goto(`${boardUrl(server.url, boardId)}/present`)
  await expect(ben.getByText('Shot 1 of 2')).toBeVisible({ timeout: 60_000 })
  await expect.poll(() => shotSoundState(ben)).toEqual({ shot: knock, time: 0, paused: true, volume: 0.4 })
  await expect.poll(() => soundtrackVolume(ben)).toBeCloseTo(0.126, 3)
  await ben.keyboard.press('Space')
  await expect.poll(async () => (await shotSoundState(ben)).paused).toBe(false)
  await expect.poll(async () => (await shotSoundState(ben)).time).toBeGreaterThan(0.5)
  // At the cut to the silent shot the line stops, a second of it unheard.
  await expect(ben.getByText('Shot 2 of 2')).toBeVisible()
  await expect.poll(async () => (await shotSoundState(ben)).paused).toBe(true)
  expect((await shotSoundState(ben)).time).toBeLessThan(2.5)
  // On the silent shot the soundtrack comes back up to its full level.
  await expect.poll(() => soundtrackVolume(ben)).toBe(1)
  // The animatic ends; Home takes the sound back to its start, paused with it.
  await expect(ben.getByRole('button', { name: 'Play' })).toBeVisible()
  await ben.keyboard.press('Home')
  await expect(ben.getByText('Shot 1 of 2')).toBeVisible()
  await expect.poll(() => shotSoundState(ben)).toEqual({ shot: knock, time: 0, paused: true, volume: 0.4 })
  await expect.poll(() => soundtrackVolume(ben)).toBeCloseTo(0.126, 3)

  // Timing to sound holds the shot until the tap: the 3 s line plays on past the shot's old 2 s
  // cut with the soundtrack still ducked under it (-1: not yet there), and once the line has ended
  // the soundtrack comes back up, the shot still on screen.
  await ben.keyboard.press('t')
  await expect(ben.getByRole('status').filter({ hasText: 'Tap → or Space at each cut' })).toBeVisible()
  await expect
    .poll(
      async () => {
        const { line, playing, soundtrack } = await lineAndSoundtrack(ben)
        return playing && line > 2.2 && line < 2.9 ? soundtrack : -1
      },
      { intervals: [50] },
    )
    .toBeCloseTo(0.126, 3)
  await expect.poll(() => soundtrackVolume(ben)).toBe(1)
  await expect(ben.getByText('Shot 1 of 2')).toBeVisible()
  expect((await shotSoundState(ben)).paused).toBe(true)
  // The tap cuts there; Esc stops, and Ctrl+Z gives the shot its 2 s back.
  await ben.keyboard.press('ArrowRight')
  await expect(ben.getByText('Shot 2 of 2')).toBeVisible()
  await ben.keyboard.press('Escape')
  await expect(ben.getByRole('status').filter({ hasText: /^Timed 1 shot · / })).toBeVisible()
  await expect.poll(async () => ((await propsOfKnock()) as { duration?: number } | undefined)?.duration).toBeGreaterThan(3)
  await ben.keyboard.press('Control+z')
  await expect.poll(async () => ((await propsOfKnock()) as { duration?: number } | undefined)?.duration).toBe(2)

  // Export video: under the first shot the file's audio is the line at 40 % of the tone's level
  // (RMS 0.17 at full: 0.07) over the soundtrack at an eighth (0.02; not ducked it would sum to
  // 0.19); after the cut, the soundtrack alone at its full level.
  await ben.getByRole('button', { name: 'Export video' }).click()
  const exportPanel = ben.locator('.animatic-export')
  await expect(exportPanel.getByRole('checkbox', { name: 'Include shot sounds (1 shot)' })).toBeChecked()
  await expect(exportPanel.getByRole('checkbox', { name: /^Include soundtrack/ })).toBeChecked()
  await exportPanel.getByRole('radio', { name: 'WebM' }).check()
  const download = ben.waitForEvent('download')
  await exportPanel.getByRole('button', { name: 'Export video', exact: true }).click()
  const video = await readFile((await (await download).path())!)
  await expect(exportPanel.getByRole('alert')).toHaveCount(0)
  const [underShot, afterCut] = await loudness(ben, video, [
    [0.2, 1.8],
    [2.3, 4.8],
  ])
  expect(underShot).toBeGreaterThan(0.05)
  expect(underShot).toBeLessThan(0.09)
  expect(afterCut).toBeGreaterThan(0.15)
  expect(afterCut).toBeLessThan(0.19)
})
