/**
 * One fan-out round's clients, run in a child process of the benchmark (see ../fanout.ts): the
 * orchestrator (which spawns the servers and reads their CPU) and the previous rounds' clients
 * never share an event loop or a heap with the clients being measured, and every round, for
 * either server, starts from the same fresh process.
 *
 * Protocol (IPC): the parent sends one {@link FanoutRoundRequest}; this process answers
 * `{ type: 'measuring' }` when the measured window opens, then one {@link FanoutRoundResult}
 * and exits.
 */
import type * as Y from 'yjs'
import { putRecords, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { connectClient, type ProtocolClient } from './protocolClient'
import { rectangle } from './records'

export type FanoutRoundRequest = {
  url: string
  writers: number
  readers: number
  hz: number
  warmupMs: number
  measureMs: number
}

export type FanoutRoundMessage =
  | { type: 'measuring' }
  /** `updates[i]` is the writer's counter of the update `latencies[i]` was measured on. */
  | { type: 'result'; latencies: number[]; updates: number[] }
  | { type: 'error'; message: string }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function runRound(request: FanoutRoundRequest, onMeasuring: () => void): Promise<{ latencies: number[]; updates: number[] }> {
  const clients: ProtocolClient[] = []
  for (let i = 0; i < request.writers + request.readers; i++) clients.push(connectClient(request.url))
  await Promise.all(clients.map((c) => c.synced))
  const writers = clients.slice(0, request.writers)

  const latencies: number[] = []
  const updates: number[] = []
  let measuring = false
  for (const client of clients) {
    const records = recordsMap(client.doc)
    client.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (!measuring || tr.local) return
      const keys = tr.changed.get(records as never)
      if (!keys) return
      const now = performance.now()
      for (const key of keys) {
        const meta = (records.get(key!) as { meta?: { sentAt?: number; n?: number } } | undefined)?.meta
        if (typeof meta?.sentAt === 'number' && typeof meta.n === 'number') {
          latencies.push(now - meta.sentAt)
          updates.push(meta.n)
        }
      }
    })
  }

  let n = 0
  const timers = writers.map((writer, w) =>
    setInterval(() => {
      const record = rectangle(`w${w}`, n % 1000, w * 100, { sentAt: performance.now(), n: n++ })
      writer.doc.transact(() => putRecords(writer.doc, [record]))
    }, 1000 / request.hz),
  )
  await sleep(request.warmupMs)
  measuring = true
  onMeasuring()
  await sleep(request.measureMs)
  measuring = false
  timers.forEach(clearInterval)
  clients.forEach((c) => c.close())
  return { latencies, updates }
}

const send = (message: FanoutRoundMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()))

process.once('message', (request: FanoutRoundRequest) => {
  runRound(request, () => void send({ type: 'measuring' }))
    .then(({ latencies, updates }) => send({ type: 'result', latencies, updates }))
    .catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) }))
    .finally(() => process.exit(0))
})
