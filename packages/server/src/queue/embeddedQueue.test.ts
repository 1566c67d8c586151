import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GenerationJobData } from '@storyloom/shared/generation/jobs'
import { openDatabase, type Db } from '../db/openDatabase'
import { generationJobs } from '../db/schema'
import { openEmbeddedQueue } from './embeddedQueue'
import { defineQueueConformance, jobData, waitFor, type TestResult } from './queueConformance'

/** Each store is its own SQLite file; reopening the queue reopens the file, as a restart does. */
async function newStore() {
  const dir = await mkdtemp(join(tmpdir(), 'storyloom-queue-'))
  const file = join(dir, 'storyloom.db')
  const dbs: Db[] = []
  return {
    dir,
    file,
    async open(options: { maxAttempts?: number; retryDelayMs?: number; stopGraceMs?: number }) {
      const db = openDatabase(file)
      dbs.push(db)
      const queue = openEmbeddedQueue<TestResult>({ db, ...options })
      const closeQueue = queue.close.bind(queue)
      // Closing the queue also closes its database, so a reopen starts from the file.
      return Object.assign(queue, {
        close: async () => {
          await closeQueue()
          if (db.$client.open) db.$client.close()
        },
      })
    },
    async addRaw(data: unknown) {
      const db = openDatabase(file)
      dbs.push(db)
      const id = randomUUID()
      db.insert(generationJobs)
        .values({ id, boardId: 'board-1', status: 'queued', priority: 1, data: data as GenerationJobData, maxAttempts: 3, createdAt: new Date() })
        .run()
      return id
    },
    async destroy() {
      for (const db of dbs) if (db.$client.open) db.$client.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

describe('embedded queue', () => {
  defineQueueConformance(newStore)

  it('runs again a job that a crash left running', async () => {
    const store = await newStore()
    try {
      const crashed = await store.open({})
      const job = await crashed.add(jobData(), { priority: 1 })
      // What a kill -9 mid-job leaves behind: the row still says running.
      const db = openDatabase(store.file)
      db.update(generationJobs).set({ status: 'running', attempts: 1 }).run()
      db.$client.close()
      await crashed.close()

      const restarted = await store.open({})
      expect((await restarted.get(job.id))?.status).toBe('queued')
      restarted.process(async (running) => ({ jobId: running.id, attempt: running.attempts }))
      await waitFor(async () => (await restarted.get(job.id))?.status === 'succeeded')
      expect((await restarted.get(job.id))?.result).toEqual({ jobId: job.id, attempt: 2 })
      await restarted.close()
    } finally {
      await store.destroy()
    }
  })

  it('gives a job still running when it closes back to the queue, without using an attempt, so a stop does not wait for it', async () => {
    const store = await newStore()
    try {
      const stopping = await store.open({ stopGraceMs: 50 })
      const job = await stopping.add(jobData(), { priority: 1 })
      // A long generation: it ends only when its signal says so, as the worker stops between steps.
      stopping.process((_, { signal, reportProgress }) => {
        void reportProgress(0.7)
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))
      })
      await waitFor(async () => (await stopping.get(job.id))?.progress === 0.7)
      await stopping.close()

      const restarted = await store.open({})
      expect(await restarted.get(job.id)).toMatchObject({ status: 'queued', attempts: 0, progress: 0 })
      restarted.process(async (running) => ({ jobId: running.id, attempt: running.attempts }))
      await waitFor(async () => (await restarted.get(job.id))?.status === 'succeeded')
      expect((await restarted.get(job.id))?.result).toEqual({ jobId: job.id, attempt: 1 })
      await restarted.close()
    } finally {
      await store.destroy()
    }
  }, 15_000)
})
