import { generationFailureView, formatJobFailure } from '@storyloom/shared/generation/generationFailures'
import { generationView } from '@storyloom/canvas/generation/testing/generationView'
import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { placeShot, theShot } from './support/shotVersions'

test('a failed generation says why in plain words in its frame, and dismissed stays dismissed after a reload', async ({ newPerson, server }) => {
  const { page, boardId } = await onePersonOnBoard(newPerson, server.url, 'Failed run')
  await placeShot(page, 'A gull on a post')
  const shot = await theShot(page)
  // The board's list says the shot's last run failed, as the server reports a model that would not load.
  const error = generationFailureView(formatJobFailure({ code: 'model_load_failed', detail: 'the inference process exited (code null) while loading /tmp/x/models/sd' }))
  const failed = generationView('g-failed', {
    boardId,
    shotId: shot.id,
    status: 'failed',
    position: null,
    attempts: 1,
    error,
    statusUrl: `/api/boards/${boardId}/generations/g-failed`,
    cancelUrl: `/api/boards/${boardId}/generations/g-failed/cancel`,
  })
  await page.route(`**/api/boards/${boardId}/generations`, (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: { generations: [failed] } }) : route.fallback(),
  )
  await page.reload()
  const frame = page.getByTestId('shot-generation-failed')
  await expect(frame).toContainText('The model could not be loaded')
  await expect(frame).not.toContainText('/tmp')
  await frame.getByRole('button', { name: 'Dismiss' }).click()
  await expect(frame).toBeHidden()

  await page.reload()
  await expect(page.locator('.shot-panel')).toBeVisible()
  // The list is loaded again (the queue lists the failed run) and the frame still keeps it hidden.
  await page.getByRole('button', { name: 'Queue' }).click()
  await expect(page.getByText('The model could not be loaded').first()).toBeVisible()
  await expect(frame).toHaveCount(0)
})
