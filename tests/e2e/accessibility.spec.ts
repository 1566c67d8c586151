import { createAccount } from './support/accounts'
import { IN_FRONT_OF_CANVAS, TLDRAW_OWN, expectNoBlockingViolations } from './support/axeAudit'
import { boardUrl, createBoard, expectCanvasReady } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { openPresent, shotCounter } from './support/presentingBoard'
import { reviewLinkExpiringIn } from './support/reviewBoard'
import { addSceneWithShots, openBoardWithStrip, stripCard } from './support/sequenceStrip'

// WCAG 2.1 AA and axe's best practices on the screens a person sees: no serious or critical violation, no best-practice one.
// Each audit is soft, so one run lists every screen's problems; support/axeAudit.ts says what is left to tldraw.

test.setTimeout(240_000)

test('the home page, a board with its inspector, Versions and generation dialog, Present, print and a review link', async ({ newPerson, server }, testInfo) => {
  const boardId = await createBoard(server.url, 'Night ferry')
  const page = await newPerson()

  await page.goto(server.url)
  await expect(page.getByRole('link', { name: 'Night ferry' })).toBeVisible()
  // Searched and sorted as people use it: the toolbar, the filtered list, the boards' covers.
  await page.getByLabel('Search boards').fill('ferry')
  await expect(page.getByRole('link', { name: 'Night ferry' })).toBeVisible()
  await expectNoBlockingViolations(page, testInfo, 'home page, searching')

  await openBoardWithStrip(page, boardUrl(server.url, boardId))
  const [first] = await addSceneWithShots(page, 'Harbour', 2)
  await stripCard(page, first!).click()
  await expect(page.getByTestId('shot-inspector')).toBeVisible()
  await expectNoBlockingViolations(page, testInfo, 'board, shot selected', { exclude: TLDRAW_OWN })
  // Our shots are drawn inside tldraw's canvas: audited on their own.
  await expectNoBlockingViolations(page, testInfo, 'shots on the canvas', { include: ['.shot-panel'] })
  // So are our panels and their toggles in front of it (versions, queue, history, references, find).
  await expectNoBlockingViolations(page, testInfo, 'panels over the canvas', { include: [IN_FRONT_OF_CANVAS] })

  await page.getByTestId('version-panel-toggle').click()
  await expect(page.getByTestId('version-panel')).toBeVisible()
  await expectNoBlockingViolations(page, testInfo, 'Versions panel', { include: ['[data-testid="version-panel"]'] })
  await page.getByTestId('version-panel-toggle').click()
  await expect(page.getByTestId('version-panel')).toBeHidden()

  await page.keyboard.press('Shift+G')
  const form = page.getByTestId('generation-form')
  await expect(form.getByLabel('Model')).toContainText('built-in')
  await expectNoBlockingViolations(page, testInfo, 'generation dialog', { include: ['[data-testid="generation-form"]'] })
  await page.keyboard.press('Escape')
  await expect(form).toBeHidden()

  // Opened afresh, the board's first Tab stop is a skip link past tldraw's menus, to the strip's card.
  await page.reload()
  await expectCanvasReady(page)
  await page.keyboard.press('Tab')
  const skipToStrip = page.getByRole('link', { name: 'Skip to shot strip' })
  await expect(skipToStrip).toBeFocused()
  await expect(skipToStrip).toBeInViewport()
  await page.keyboard.press('Enter')
  const firstCard = stripCard(page, first!).getByRole('button', { name: /^Shot / })
  await expect(firstCard).toBeFocused()

  // The find bar open, both shots ringed as matches.
  await page.keyboard.press('Control+f')
  await page.getByLabel('Find shots').fill('harbour')
  await expect(page.getByTestId('find-bar-status')).toHaveText(/^(2 shots|1 of 2)$/)
  await expectNoBlockingViolations(page, testInfo, 'board, find bar open', { exclude: TLDRAW_OWN })
  await expectNoBlockingViolations(page, testInfo, 'find bar', { include: [IN_FRONT_OF_CANVAS] })

  // With a shot selected (Enter in the find bar), a skip link to its details: the inspector's first field.
  await page.keyboard.press('Enter')
  await page.getByRole('link', { name: 'Skip to shot details' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('shot-inspector').locator('input, textarea, select').first()).toBeFocused()

  await page.goto(`${boardUrl(server.url, boardId)}/print`)
  await expect(page.getByTestId('print-panel')).toHaveCount(2, { timeout: 45_000 })
  await expectNoBlockingViolations(page, testInfo, 'print page')

  await openPresent(page, server.url, boardId, 2)
  await expect(shotCounter(page)).toBeVisible()
  await expectNoBlockingViolations(page, testInfo, 'Present')

  const path = await reviewLinkExpiringIn(server.url, boardId, 3_600_000)
  await page.goto(server.url + path)
  await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible({ timeout: 45_000 })
  await expectNoBlockingViolations(page, testInfo, 'review link')
})

test.describe('with accounts', () => {
  test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

  test('the sign-in page and the Share dialog', async ({ newPerson, server }, testInfo) => {
    const page = await newPerson()
    await page.goto(server.url)
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await expectNoBlockingViolations(page, testInfo, 'sign-in page')

    await createAccount(page, 'Ada', 'ada@example.com')
    await page.getByLabel('New board').fill('Night ferry')
    await page.getByRole('button', { name: 'Create board' }).click()
    await expectCanvasReady(page)
    await page.getByRole('button', { name: 'Share' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('list', { name: 'Members' })).toBeVisible()
    await expectNoBlockingViolations(page, testInfo, 'Share dialog', { include: ['[role="dialog"]'] })
  })
})
