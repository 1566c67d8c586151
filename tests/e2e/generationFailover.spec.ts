import { generationListResponseSchema, type GenerationView } from '@storyloom/shared/generation/api'
import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import type { WorkerProcess } from '../support/workerProcess'
import { openBoard, twoPeopleOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { openGenerationForm, placeShot, selectShot, shotMediaSrc, theShot } from './support/shotVersions'

// The distributed mode only: two `pnpm worker` processes on BullMQ, and the one running a job is
// killed with -9 halfway through it. generation.spec.ts covers the rest in both modes.

/** The board's one generation, as the API reports it. */
async function theGeneration(serverUrl: string, boardId: string): Promise<GenerationView> {
  const list = generationListResponseSchema.parse(await (await fetch(`${serverUrl}/api/boards/${boardId}/generations`)).json())
  expect(list.generations).toHaveLength(1)
  return list.generations[0]!
}

/** The worker processes that logged taking `generationId` (on any attempt). */
function takers(workers: readonly WorkerProcess[], generationId: string): WorkerProcess[] {
  return workers.filter((worker) => worker.output().includes(`took generation ${generationId} `))
}

test('redis: a worker killed with -9 mid-job leaves it to the other worker, and both browsers see each take land once', async ({ newPerson, startGeneration }) => {
  // A 60 s lock (BullMQ's usual is 30 s): renewed every 30 s, it holds the dead worker's job
  // 30 to 90 s after the kill, so a third browser has at least 20 s after the notice to open
  // the board while the job still waits (with 30 s it could move 7 s after the notice).
  test.setTimeout(300_000)
  // Slowed steps keep the job running long enough to kill its worker in the middle of it.
  const setup = await startGeneration('redis', { env: { STORYLOOM_TEST_STEP_DELAY_MS: '300', STORYLOOM_WORKER_LOCK_MS: '60000' }, workers: 2 })
  const serverUrl = setup.url
  const { boardId, url: boardUrl, ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Relay')
  await placeShot(ada, 'A runner hands over the baton')
  await expect(ben.locator('.shot-panel')).toContainText('A runner hands over the baton')

  const form = await openGenerationForm(ada)
  await form.getByLabel('Steps').fill('20')
  await form.getByLabel('Variations').fill('2')
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()

  // Mid-job: the first take has landed for both, the second is forming.
  for (const page of [ada, ben]) {
    await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toContainText(/Take 2 of 2 · step \d+ of 20/u, { timeout: 60_000 })
    expect(await shotMediaSrc(page)).not.toBeNull()
  }
  // Ben keeps the queue open: it counts both workers, and follows the count without reopening.
  await ben.getByRole('button', { name: /^Queue/u }).click()
  const bensQueue = ben.getByTestId('generation-queue')
  await expect(bensQueue.locator('.generation-queue__workers')).toHaveText('2 workers')
  const { id } = await theGeneration(serverUrl, boardId)
  const [doomed, ...others] = takers(setup.workers, id)
  expect(others).toHaveLength(0)
  await doomed!.kill('SIGKILL')
  const killedAt = Date.now()
  const survivor = setup.workers.find((worker) => worker !== doomed)!

  // Until its lock expires the job stays with the dead worker: both see why nothing moves.
  for (const page of [ada, ben]) {
    await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toContainText('Worker stopped responding', { timeout: 30_000 })
  }
  await expect(bensQueue.locator('.generation-queue__workers')).toHaveText('1 worker')
  await expect(bensQueue.getByTestId('queue-row')).toContainText('Worker stopped responding')
  // Cara opens the board while the job waits: she sees the same, though she missed worker_lost.
  const cara = await newPerson()
  await openBoard(cara, boardUrl)
  await expect(cara.locator('.shot-panel').getByTestId('shot-generation-status')).toContainText('Worker stopped responding')
  await cara.getByRole('button', { name: /^Queue/u }).click()
  await expect(cara.getByTestId('generation-queue').getByTestId('queue-row')).toContainText('Worker stopped responding')
  await cara.screenshot({ path: test.info().outputPath('late-client-worker-lost.png') })
  // Then the other one takes the job again and makes only the take not yet landed: the take
  // already committed is neither rendered nor recorded a second time. Up to 90 s after the kill
  // (the lock's last 60 s, then the next stalled-job check, every 30 s), and the pickup and first
  // step after it: waited for from the kill, not from here (Cara's visit took part of 90 s, and
  // a loaded CI machine once ran past it, at 95 s after the kill).
  const takenAgainBy = killedAt + 150_000
  for (const page of [ada, ben, cara]) {
    await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toContainText(/Take 2 of 2 · step \d+ of 20/u, { timeout: Math.max(5_000, takenAgainBy - Date.now()) })
  }
  for (const page of [ada, ben]) {
    await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toHaveCount(0, { timeout: 60_000 })
    await expect(page.locator('.shot-panel').getByTestId('built-in-badge')).toBeVisible()
  }
  expect(survivor.output()).toContain(`took generation ${id} (attempt 2)`)
  const generation = await theGeneration(serverUrl, boardId)
  expect(generation).toMatchObject({ status: 'succeeded', attempts: 2 })
  expect(generation.results.map((r) => r.variationIndex)).toEqual([0, 1])
  const shotId = (await theShot(ada)).id
  const versions = versionListResponseSchema.parse(await (await fetch(`${serverUrl}/api/boards/${boardId}/shots/${encodeURIComponent(shotId)}/versions`)).json()).versions
  expect(versions.map((v) => [v.jobId, v.variationIndex])).toEqual([
    [id, 0],
    [id, 1],
  ])

  // Each browser: two take choices on the shot, two takes in its version panel, the same image.
  expect(await shotMediaSrc(ben)).toBe(await shotMediaSrc(ada))
  for (const page of [ada, ben]) {
    await selectShot(page)
    await expect(page.locator('.shot-panel').getByTestId('shot-takes').getByRole('button')).toHaveCount(2)
    await page.getByTestId('version-panel-toggle').click()
    await expect(page.getByTestId('version-node')).toHaveCount(2)
  }
})
