import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { configFromEnv, type ServerConfig } from '../config'
import { startServer, type RunningServer } from '../startServer'
import { warmUpSync } from './syncWarmUp'

const dirs: string[] = []
const servers: RunningServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function start(dataDir: string, syncWarmUp: boolean): Promise<RunningServer> {
  const config: ServerConfig = { ...configFromEnv({}), port: 0, host: '127.0.0.1', canvasDist: undefined, dataDir, syncWarmUp }
  const server = await startServer(config)
  servers.push(server)
  return server
}

/** Every row of every table, in a stable order. */
function dump(db: Database.Database): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).raw().all()]))
}

describe('warmUpSync', () => {
  it('runs a sample board through the sync path', async () => {
    const result = await warmUpSync({ allowedOrigins: [] })
    expect(result.records).toBeGreaterThan(100)
    expect(result.writes).toBeGreaterThan(0)
  })

  it('stops when asked, closing what it opened', async () => {
    const stop = new AbortController()
    const running = warmUpSync({ allowedOrigins: [] }, stop.signal)
    stop.abort()
    await expect(running).rejects.toThrow(/stopped/)
    await expect(warmUpSync({ allowedOrigins: [] }, AbortSignal.abort())).rejects.toThrow(/stopped/)
  })

  it('leaves the server’s database untouched and opens none of its boards', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-warmup-'))
    dirs.push(dataDir)
    // A user's board with a stored doc, written with the warm-up off.
    const first = await start(dataDir, false)
    const created = await fetch(`${first.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'mine' }),
    })
    const { id } = (await created.json()) as { id: string }
    first.sync.changeBoard(id, (doc) => doc.getMap('meta').set('touched', 1))
    expect(Y.decodeUpdate(first.sync.boardState(id)).structs.length).toBeGreaterThan(0)
    await first.close()
    servers.splice(0)
    const file = join(dataDir, 'storyloom.sqlite')
    const reader = new Database(file, { readonly: true })
    const before = dump(reader)
    const dataVersion = () => reader.pragma('data_version', { simple: true })
    const versionBefore = dataVersion()

    const second = await start(dataDir, true)
    const result = await second.syncWarmUp
    expect(result?.records).toBeGreaterThan(100) // it ran
    expect(dataVersion()).toBe(versionBefore) // no other connection committed anything
    expect(dump(reader)).toEqual(before)
    expect(second.sync.stats()).toEqual({ rooms: 0, connections: 0 })
    reader.close()
  })
})
