import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generationListResponseSchema } from '@storyloom/shared/generation/api'
import { generationJobs } from '@storyloom/server/db/schema'
import type { GenerationJobData } from '@storyloom/shared/generation/jobs'
import { useGenerationTestServer } from '../support/generationTestServer'
import { waitFor } from '../support/syncClient'

const t = useGenerationTestServer()

describe('a queued job whose data this version cannot read (embedded queue)', { timeout: 60_000 }, () => {
  it('fails unrun, and the board still lists its generations, this one with its plain reason', async () => {
    const { boardId, shotId } = await t.boardWithShot('A lamp flickers')
    // As an older version, or a damaged file, left it: parameters the current schema refuses.
    const id = randomUUID()
    const data = { boardId, shotId, requestedBy: 'u1', params: { prompt: 42, steps: 'many' } } as unknown as GenerationJobData
    t.server.db.insert(generationJobs).values({ id, boardId, status: 'queued', priority: 1, data, maxAttempts: 3, createdAt: new Date() }).run()
    await t.server.generate(boardId, { shotIds: [shotId], steps: 1 }) // wakes the queue up
    const listed = await waitFor(async () => {
      const res = await fetch(`${t.server.url}/api/boards/${boardId}/generations`)
      expect(res.status).toBe(200)
      const found = generationListResponseSchema.parse(await res.json()).generations.find((g) => g.id === id)
      return found?.status === 'failed' ? found : undefined
    }, { what: 'the unreadable job to fail' })
    expect(listed).toMatchObject({ shotId, attempts: 1, error: { code: 'job_unreadable', message: expect.stringContaining('could not be read') } })
  })
})
