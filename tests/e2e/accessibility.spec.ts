import { createAccount } from './support/accounts'
import { TLDRAW_OWN, expectNoSeriousViolations } from './support/axeAudit'
import { boardUrl, createBoard, expectCanvasReady } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { openPresent, shotCounter } from './support/presentingBoard'
import { reviewLinkExpiringIn } from './support/reviewBoard'
import { addSceneWithShots, openBoardWithStrip, stripCard } from './support/sequenceStrip'

// WCAG 2.1 AA (axe-core) on the screens a person sees: no serious or critical violation.
// Each audit is soft, so one run lists every screen's problems; support/axeAudit.ts says what is left to tldraw.

test.setTimeout(240_000)

test('the home page, a board with its inspector, Versions and generation dialog, Present, print and a review link', async ({ newPerson, server }, testInfo) => {
  const boardId = await createBoard(server.url, 'Night ferry')
  const page = await newPerson()

  await page.goto(server.url)
  await expect(page.getByRole('link', { name: 'Night ferry' })).toBeVisible()
  await expectNoSeriousViolations(page, testInfo, 'home page')

  await openBoardWithStrip(page, boardUrl(server.url, boardId))
  const [first] = await addSceneWithShots(page, 'Harbour', 2)
  await stripCard(page, first!).click()
  await expect(page.getByTestId('shot-inspector')).toBeVisible()
  await expectNoSeriousViolations(page, testInfo, 'board, shot selected', { exclude: TLDRAW_OWN })
  // Our shots are drawn inside tldraw's canvas: audited on their own.
  await expectNoSeriousViolations(page, testInfo, 'shots on the canvas', { include: ['.shot-panel'] })

  await page.getByTestId('version-panel-toggle').click()
  await expect(page.getByTestId('version-panel')).toBeVisible()
  await expectNoSeriousViolations(page, testInfo, 'Versions panel', { include: ['[data-testid="version-panel"]'] })
  await page.getByTestId('version-panel-toggle').click()
  await expect(page.getByTestId('version-panel')).toBeHidden()

  await page.keyboard.press('Shift+G')
  const form = page.getByTestId('generation-form')
  await expect(form.getByLabel('Model')).toContainText('built-in')
  await expectNoSeriousViolations(page, testInfo, 'generation dialog', { include: ['[data-testid="generation-form"]'] })
  await page.keyboard.press('Escape')
  await expect(form).toBeHidden()

  await page.goto(`${boardUrl(server.url, boardId)}/print`)
  await expect(page.getByTestId('print-panel')).toHaveCount(2, { timeout: 45_000 })
  await expectNoSeriousViolations(page, testInfo, 'print page')

  await openPresent(page, server.url, boardId, 2)
  await expect(shotCounter(page)).toBeVisible()
  await expectNoSeriousViolations(page, testInfo, 'Present')

  const path = await reviewLinkExpiringIn(server.url, boardId, 3_600_000)
  await page.goto(server.url + path)
  await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible({ timeout: 45_000 })
  await expectNoSeriousViolations(page, testInfo, 'review link')
})

test.describe('with accounts', () => {
  test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

  test('the sign-in page and the Share dialog', async ({ newPerson, server }, testInfo) => {
    const page = await newPerson()
    await page.goto(server.url)
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await expectNoSeriousViolations(page, testInfo, 'sign-in page')

    await createAccount(page, 'Ada', 'ada@example.com')
    await page.getByLabel('New board').fill('Night ferry')
    await page.getByRole('button', { name: 'Create board' }).click()
    await expectCanvasReady(page)
    await page.getByRole('button', { name: 'Share' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('list', { name: 'Members' })).toBeVisible()
    await expectNoSeriousViolations(page, testInfo, 'Share dialog', { include: ['[role="dialog"]'] })
  })
})
