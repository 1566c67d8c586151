import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl, openBoard } from './boardPage'
import { setUserName } from './editorState'
import { longBoardShots } from './longBoard'

/** Present to everyone (presentToEveryone.spec.ts, reviewFollowsPresenter.spec.ts). */

/** Present's shot counter ("Shot 2 of 4"). */
export const shotCounter = (page: Page) => page.locator('.presentation-controls').getByText(/^Shot \d+ of \d+$/)

/** Seconds from the animatic's start on Present's clock ("0:02.4 / 0:04.0" is 2.4). */
export async function clockSeconds(page: Page): Promise<number> {
  const [, minutes, seconds] = /^(\d+):(\d+(?:\.\d+)?) /.exec((await page.locator('.presentation-controls__clock').textContent()) ?? '') ?? []
  return Number(minutes) * 60 + Number(seconds)
}

/** Who presents, and whether this page follows them, in Present's header. */
export const presentingStatus = (page: Page) => page.locator('.presentation__presenting')

/** A new board of `count` shots of `seconds` each in one scene, written over sync; its id. */
export async function boardOfEvenShots(serverUrl: string, name: string, count: number, seconds: number): Promise<string> {
  const { boardId, client, scene, shots } = await longBoardShots(serverUrl, name, count)
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots.map((shot) => ({ ...shot, props: { ...shot.props, duration: seconds } }))] as never))
  client.destroy()
  return boardId
}

/** `page` opens Present of `boardId` and waits for its first shot. */
export async function openPresent(page: Page, serverUrl: string, boardId: string, shots: number): Promise<void> {
  await page.goto(`${boardUrl(serverUrl, boardId)}/present`)
  await expect(shotCounter(page)).toHaveText(`Shot 1 of ${shots}`, { timeout: 45_000 })
}

/**
 * A board of four shots of `seconds` each (a minute by default) in one scene ("Launch film"), open
 * on the canvas for each of `names` (named so), in that order.
 */
export async function boardOfFour(newPerson: () => Promise<Page>, serverUrl: string, names: string[], seconds = 60): Promise<{ boardId: string; people: Page[] }> {
  const boardId = await boardOfEvenShots(serverUrl, 'Launch film', 4, seconds)
  const people: Page[] = []
  for (const name of names) {
    const page = await newPerson()
    await openBoard(page, boardUrl(serverUrl, boardId))
    await setUserName(page, name)
    people.push(page)
  }
  return { boardId, people }
}

/**
 * With `follower` following Ada, who presents on shot 3 of 4 in the player, paused: her grid and
 * her play reach the follower's screen; the follower's own Previous shot takes them off her screen
 * (her next step, to shot 4, leaves them on shot 2), and Follow takes them to her shot.
 */
export async function expectFollowsThenLooksAround(ada: Page, follower: Page): Promise<void> {
  await ada.keyboard.press('g')
  await expect(follower.locator('.presentation')).toHaveAttribute('data-view', 'grid')
  await ada.keyboard.press('g')
  await expect(follower.locator('.presentation')).toHaveAttribute('data-view', 'player')
  await ada.keyboard.press(' ')
  await expect(follower.getByRole('button', { name: 'Pause' })).toBeVisible()
  await ada.keyboard.press(' ')
  await expect(follower.getByRole('button', { name: 'Play' })).toBeVisible()

  await follower.getByRole('button', { name: 'Previous shot' }).click()
  await expect(shotCounter(follower)).toHaveText('Shot 2 of 4')
  await expect(presentingStatus(follower)).toContainText('Ada is presenting')
  await ada.keyboard.press('ArrowRight')
  await expect(shotCounter(ada)).toHaveText('Shot 4 of 4')
  await expect(presentingStatus(follower).getByRole('button', { name: 'Follow' })).toBeVisible()
  await expect(shotCounter(follower)).toHaveText('Shot 2 of 4')
  await presentingStatus(follower).getByRole('button', { name: 'Follow' }).click()
  await expect(shotCounter(follower)).toHaveText('Shot 4 of 4')
  await expect(presentingStatus(follower)).toContainText('Following Ada')
}
