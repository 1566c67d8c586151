import type { Page } from '@playwright/test'
import { boardUrl, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { reviewLinkExpiringIn } from './support/reviewBoard'
import { bombAnswers, boardWithUnreadableActiveTake } from './support/unreadableTake'

const TEAM_MARK = 'Take unreadable — choose another take or generate again'
const CLIENT_MARK = 'Picture unavailable'

/** Present (a board's, or a review link's) shows `mark` in the shot's frame on the stage and then in the grid, and no picture. */
async function expectMarkOnStageAndGrid(page: Page, mark: string, screenshot: string): Promise<void> {
  const stage = page.locator('.presentation-stage__shot')
  // The page's first load parses the canvas bundle: long on a busy 2-core machine.
  await expect(stage.getByTestId('picture-unreadable')).toHaveText(mark, { timeout: 45_000 })
  await expect(stage.locator('img, video, canvas')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath(screenshot) })
  await page.getByRole('button', { name: 'Grid' }).click()
  const card = page.locator('.presentation-grid__card')
  await expect(card.getByTestId('picture-unreadable')).toHaveText(mark)
  await expect(card.locator('img, video')).toHaveCount(0)
}

test('a shot whose active take the server found unreadable shows the team a clear mark in its frame, on the canvas and in Present’s stage and grid, never a broken picture', async ({ newPerson, server }) => {
  const { boardId, bombUrl } = await boardWithUnreadableActiveTake(server, 'Unreadable take')
  const ada = await newPerson()
  const answers = bombAnswers(ada, bombUrl)
  await openBoard(ada, boardUrl(server.url, boardId))

  const frame = ada.locator('.shot-panel__frame')
  // A new shot's frame is small: it says it in short, the whole sentence in its name and tooltip; its strip card too.
  await expect(frame.getByRole('img', { name: TEAM_MARK })).toHaveText('Take unreadable')
  await expect(frame.getByTestId('picture-unreadable')).toHaveAttribute('title', TEAM_MARK)
  await expect(frame.locator('img, video')).toHaveCount(0)
  await expect(ada.locator('.strip-thumb').getByTestId('picture-unreadable')).toHaveAttribute('title', TEAM_MARK)
  await expect(ada.locator('.strip-thumb').locator('img, video')).toHaveCount(0)
  await ada.screenshot({ path: test.info().outputPath('canvas-unreadable-take.png') })
  // The way out is in the frame: its takes, the unreadable one marked there too.
  await frame.getByRole('button', { name: 'Show takes' }).click()
  await expect(ada.getByTestId('version-node').getByTestId('take-unreadable')).toHaveText('Unreadable')

  await ada.goto(`${boardUrl(server.url, boardId)}/present`)
  await expectMarkOnStageAndGrid(ada, TEAM_MARK, 'present-unreadable-take.png')
  // Asked for, refused every time: the browser never had a byte of the file to decode.
  expect(answers.length).toBeGreaterThan(0)
  expect(new Set(answers)).toEqual(new Set([422]))
})

test('a client on a review link sees "Picture unavailable" where the unreadable take would be, on the stage, in the grid and in the print, and nothing about fixing it', async ({ newPerson, server }) => {
  const { boardId, bombUrl } = await boardWithUnreadableActiveTake(server, 'Unreadable take under review')
  const path = await reviewLinkExpiringIn(server.url, boardId, 3_600_000)
  const reviewer = await newPerson()
  const answers = bombAnswers(reviewer, bombUrl)
  await reviewer.goto(server.url + path)

  await expectMarkOnStageAndGrid(reviewer, CLIENT_MARK, 'review-unavailable-picture.png')
  await expect(reviewer.getByText(TEAM_MARK)).toHaveCount(0)

  await reviewer.goto(`${server.url}${path}/print`)
  const panel = reviewer.getByTestId('print-panel')
  await expect(panel.getByTestId('picture-unreadable')).toHaveText(CLIENT_MARK, { timeout: 30_000 })
  await expect(panel.locator('img, video')).toHaveCount(0)
  expect(answers.length).toBeGreaterThan(0)
  expect(new Set(answers)).toEqual(new Set([422]))
})
