/**
 * Checkpoints the SQLite WAL from a worker thread with its own connection. A checkpoint fsyncs
 * the database (milliseconds, tens under disk pressure); run on the event loop it would stall
 * every board's fan-out. A PASSIVE checkpoint runs alongside the main connection's appends.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Db } from '../db/openDatabase'
import { logSyncWarning } from './syncLog'

// CommonJS, evaluated in the worker: no TypeScript loader needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
parentPort.on('message', () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // busy or failing: the next request retries, and SQLite's own checkpoint remains
  }
  parentPort.postMessage('done')
})
`

/** Runs PASSIVE WAL checkpoints off the event loop (falls back to inline if the worker fails). */
export class WalCheckpointer {
  private worker: Worker | undefined
  private running = false
  private waiting: (() => void)[] = []
  private failed = false
  private readonly inMemory: boolean

  constructor(private readonly db: Db) {
    this.inMemory = db.$client.memory
  }

  /** Starts a checkpoint unless one is already running; resolves when the running one ends. */
  request(): Promise<void> {
    if (this.inMemory) return Promise.resolve()
    const done = new Promise<void>((resolve) => this.waiting.push(resolve))
    if (this.running) return done
    const worker = this.workerOrUndefined()
    if (worker) {
      this.running = true
      worker.postMessage('checkpoint')
    } else {
      this.checkpointInline()
      this.settle()
    }
    return done
  }

  private settle(): void {
    this.running = false
    for (const resolve of this.waiting.splice(0)) resolve()
  }

  /** Stops the worker (and its connection). */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    if (worker) await worker.terminate()
    this.settle()
  }

  private workerOrUndefined(): Worker | undefined {
    if (this.worker || this.failed) return this.worker
    try {
      const file = this.db.$client.name
      const driver = createRequire(import.meta.url).resolve('better-sqlite3')
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } })
      worker.unref()
      worker.on('message', () => this.settle())
      worker.on('error', (error) => {
        logSyncWarning({}, 'WAL checkpoint worker failed; checkpointing inline', error)
        this.failed = true
        this.worker = undefined
        this.settle()
      })
      this.worker = worker
      return worker
    } catch (error) {
      logSyncWarning({}, 'could not start the WAL checkpoint worker; checkpointing inline', error)
      this.failed = true
      return undefined
    }
  }

  private checkpointInline(): void {
    try {
      this.db.$client.pragma('wal_checkpoint(PASSIVE)')
    } catch {
      // retried after the next appends; SQLite's own checkpoint remains
    }
  }
}
