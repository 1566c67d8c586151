import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { placeShot, selectShot } from './support/shotVersions'

// The distributed mode only: the embedded one always has its in-process worker.

test('redis: a worker refused for a model that is not installed tells the board why no worker is ready, until a worker starts', async ({ newPerson, startGeneration }) => {
  test.setTimeout(120_000)
  const setup = await startGeneration('redis', { workers: 0 })
  const { page } = await onePersonOnBoard(newPerson, setup.url, 'Night shoot')
  await page.getByRole('button', { name: /^Queue/u }).click()
  const queue = page.getByTestId('generation-queue')
  await expect(queue.locator('.generation-queue__workers')).toHaveText('0 workers')
  // Nothing has told the server anything: the note says where to look, not a guess.
  await expect(queue.getByTestId('no-worker-note')).toContainText('No worker is running')

  // Someone starts `pnpm worker` with a model that is not installed: it stops at once, exit 2.
  const refused = await setup.startWorker({ STORYLOOM_MODEL: 'no-such-model' }).then(
    () => undefined,
    (error: Error) => error.message,
  )
  expect(refused).toContain('exited (2)')
  expect(refused).toContain('no-such-model')

  // The open panel follows without reopening: why none is ready, and what to do.
  const note = queue.getByTestId('no-worker-note')
  await expect(note).toContainText('No worker is ready: the last one to start stopped at')
  await expect(note).toContainText('no-such-model')
  await expect(note).toContainText('. Then start it again (pnpm worker)')
  await expect(queue.locator('.generation-queue__workers')).toHaveText('0 workers')
  await page.screenshot({ path: test.info().outputPath('queue-worker-refused.png') })
  // The generation form says the same.
  await page.getByRole('button', { name: /^Queue/u }).click()
  await expect(queue).toBeHidden()
  await placeShot(page, 'A car pulls up in the rain')
  // No worker, so no model to wait for: Shift+G on the selected shot, as a person would.
  await selectShot(page)
  await page.keyboard.press('Shift+G')
  const form = page.getByTestId('generation-form')
  await expect(form.getByTestId('no-worker-note')).toContainText('no-such-model')
  await page.screenshot({ path: test.info().outputPath('form-worker-refused.png') })
  await page.keyboard.press('Escape')
  await expect(form).toBeHidden()
  await page.getByRole('button', { name: /^Queue/u }).click()

  // A worker that starts after it: the old reason no longer explains anything, and goes.
  await setup.startWorker()
  await expect(queue.locator('.generation-queue__workers')).toHaveText('1 worker')
  await expect(queue.getByTestId('no-worker-note')).toHaveCount(0)
})
