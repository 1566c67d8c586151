import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { boardOfFour, clockSeconds, presentingStatus, shotCounter } from './support/presentingBoard'

/**
 * Followers of a presentation used to be told only the presenter's shot: within a shot (minute-long
 * ones here) Home, the scrubber or a pause left them where their own clock was, and a replay from
 * the top then ran ahead of the presenter's all the way through. And while the presenter timed the
 * shots to sound, followers played the board's old timing and ran ahead of her taps. And when the
 * presenter stopped presenting, followers played on to the end by the board's timing.
 */

/** Ada and Ben on a board of four shots `seconds` long, both in Present: Ada presents to everyone, Ben follows her. */
async function benFollowsAda(newPerson: () => Promise<Page>, serverUrl: string, seconds?: number): Promise<{ ada: Page; ben: Page }> {
  const [ada, ben] = (await boardOfFour(newPerson, serverUrl, ['Ada', 'Ben'], seconds)).people as [Page, Page]
  await ben.getByRole('link', { name: 'Present' }).click()
  await expect(shotCounter(ben)).toHaveText('Shot 1 of 4')
  await ada.getByRole('link', { name: 'Present' }).click()
  await ada.getByRole('button', { name: 'Present to everyone' }).click()
  await expect(presentingStatus(ben)).toContainText('Following Ada')
  return { ada, ben }
}

test('Ben, following Ada, is where her playhead is within a shot: when she pauses and when she goes back to the start of the shot with Home', async ({ newPerson, server }) => {
  const { ada, ben } = await benFollowsAda(newPerson, server.url)
  const adaClock = ada.locator('.presentation-controls__clock')
  const benClock = ben.locator('.presentation-controls__clock')

  // Ada plays a moment of shot 1 and pauses: Ben is paused on her very frame, not on his own clock's.
  await ada.keyboard.press('Space')
  await expect(ben.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect(adaClock).not.toHaveText(/^0:00\.[0-9] /)
  await ada.keyboard.press('Space')
  await expect(ben.getByRole('button', { name: 'Play' })).toBeVisible()
  const paused = (await adaClock.textContent())!
  await expect(benClock).toHaveText(paused)

  // Home takes her back to the start of the same shot: Ben goes there too.
  await ada.keyboard.press('Home')
  await expect(adaClock).toHaveText('0:00.0 / 4:00.0')
  await expect(benClock).toHaveText('0:00.0 / 4:00.0')
  await expect(shotCounter(ben)).toHaveText('Shot 1 of 4')
  await expect(presentingStatus(ben)).toContainText('Following Ada')

  // She plays on and stops presenting: the presentation ends there for Ben too, paused, not playing on.
  await ada.keyboard.press('Space')
  await expect(ben.getByRole('button', { name: 'Pause' })).toBeVisible()
  await ada.getByRole('button', { name: 'Stop presenting' }).click()
  await expect(ben.getByRole('button', { name: 'Present to everyone' })).toBeVisible()
  await expect(ben.getByRole('button', { name: 'Play' })).toBeVisible()
  await expect(shotCounter(ben)).toHaveText('Shot 1 of 4')
})

test('Ben, following Ada while she times the shots to sound, sees her live timing: each shot stays on until her tap, past its old duration', async ({ newPerson, server }) => {
  // Shots of a second each on the board, which Ada's taps make longer.
  const { ada, ben } = await benFollowsAda(newPerson, server.url, 1)

  // T starts timing: shot 1 plays on past its second on Ada's screen until she taps, and on Ben's.
  await ada.keyboard.press('t')
  await expect(ben.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect.poll(() => clockSeconds(ben)).toBeGreaterThan(2)
  await expect(shotCounter(ada)).toHaveText('Shot 1 of 4')
  await expect(shotCounter(ben)).toHaveText('Shot 1 of 4')

  // Her tap cuts to shot 2 on both screens, which again stays on until her next tap.
  await ada.keyboard.press('Space')
  await expect(shotCounter(ada)).toHaveText('Shot 2 of 4')
  await expect(shotCounter(ben)).toHaveText('Shot 2 of 4')
  const tapped = await clockSeconds(ben)
  await expect.poll(() => clockSeconds(ben)).toBeGreaterThan(tapped + 1.5)
  await expect(shotCounter(ben)).toHaveText('Shot 2 of 4')

  // Esc ends her timing, paused on her shot: Ben is paused on her very frame.
  await ada.keyboard.press('Escape')
  await expect(ben.getByRole('button', { name: 'Play' })).toBeVisible()
  await expect(shotCounter(ben)).toHaveText('Shot 2 of 4')
  await expect(ben.locator('.presentation-controls__clock')).toHaveText((await ada.locator('.presentation-controls__clock').textContent())!)
  await expect(presentingStatus(ben)).toContainText('Following Ada')
})

test('Ada stops presenting while she times the shots to sound: Ben is left paused on the shot she held, his clock where he was left, not played on through the board', async ({ newPerson, server }) => {
  const { ada, ben } = await benFollowsAda(newPerson, server.url, 1)

  // Shot 1 (a second long on the board) held past its duration, on both screens, until her tap.
  await ada.keyboard.press('t')
  await expect.poll(() => clockSeconds(ben)).toBeGreaterThan(1.5)
  await ada.getByRole('button', { name: 'Stop presenting' }).click()
  await expect(ben.getByRole('button', { name: 'Play' })).toBeVisible()
  await expect(shotCounter(ben)).toHaveText('Shot 1 of 4')
  // Paused: the clock stays where the presentation ended, past the shot's old second as on his screen, not at that second's end.
  const ended = await clockSeconds(ben)
  expect(ended).toBeGreaterThan(1.5)
  await ben.waitForTimeout(1500)
  expect(await clockSeconds(ben)).toBe(ended)
  await expect(shotCounter(ben)).toHaveText('Shot 1 of 4')
  // Played from there, his animatic goes on by the board's timing: the next shot, not held any longer.
  await ben.keyboard.press('Space')
  await expect(shotCounter(ben)).not.toHaveText('Shot 1 of 4')
})
