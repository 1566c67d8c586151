import { generationListResponseSchema, type GenerationView } from '@storyloom/shared/generation/api'
import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import type { WorkerProcess } from '../support/workerProcess'
import { twoPeopleOnBoard } from './support/boardPage'
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
  // BullMQ's usual 30 s lock: the job waits that long for another worker, as in production.
  test.setTimeout(180_000)
  // Slowed steps keep the job running long enough to kill its worker in the middle of it.
  const setup = await startGeneration('redis', { env: { STORYLOOM_TEST_STEP_DELAY_MS: '300', STORYLOOM_WORKER_LOCK_MS: '30000' }, workers: 2 })
  const serverUrl = setup.url
  const { boardId, ada, ben } = await twoPeopleOnBoard(newPerson, serverUrl, 'Relay')
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
  const { id } = await theGeneration(serverUrl, boardId)
  const [doomed, ...others] = takers(setup.workers, id)
  expect(others).toHaveLength(0)
  await doomed!.kill('SIGKILL')
  const survivor = setup.workers.find((worker) => worker !== doomed)!

  // Until its lock expires the job stays with the dead worker: both see why nothing moves.
  for (const page of [ada, ben]) {
    await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toContainText('Worker stopped responding', { timeout: 30_000 })
  }
  // Then the other one takes the job again, from the start, and finishes it; the take already
  // committed is not recorded a second time.
  for (const page of [ada, ben]) {
    await expect(page.locator('.shot-panel').getByTestId('shot-generation-status')).toContainText(/Take \d of 2 · step \d+ of 20/u, { timeout: 60_000 })
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
