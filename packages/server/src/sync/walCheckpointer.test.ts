import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../db/openDatabase'
import { WalCheckpointer } from './walCheckpointer'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function freshDb(): { db: Db; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'storyloom-wal-'))
  dirs.push(dir)
  const file = join(dir, 'storyloom.sqlite')
  return { db: openDatabase(file), file }
}

describe('WalCheckpointer', () => {
  it('moves committed pages from the WAL into the database file from its worker', async () => {
    const { db, file } = freshDb()
    const insert = db.$client.prepare("INSERT INTO boards (id, name) VALUES (?, 'x')")
    for (let i = 0; i < 200; i++) insert.run(`board-${i}`) // well under SQLite's 1000-page auto-checkpoint
    const before = statSync(file).size
    const checkpointer = new WalCheckpointer(db)
    await checkpointer.request()
    expect(statSync(file).size).toBeGreaterThan(before)
    await checkpointer.close()
    db.$client.close()
  })

  it('restarts the WAL itself after a complete checkpoint, so the next append does not have to', async () => {
    const { db, file } = freshDb()
    const insert = db.$client.prepare("INSERT INTO boards (id, name) VALUES (?, 'x')")
    for (let i = 0; i < 200; i++) insert.run(`board-${i}`)
    const before = walRestarts(file)
    const checkpointer = new WalCheckpointer(db)
    await checkpointer.request()
    // The worker wrote (and fsynced) a new WAL header: this connection has written nothing since.
    expect(walRestarts(file)).toBe(before + 1)
    insert.run('after') // appended after that header, no restart of its own
    expect(walRestarts(file)).toBe(before + 1)
    expect(db.$client.prepare('SELECT count(*) FROM boards').pluck().get()).toBe(201)
    await checkpointer.close()
    db.$client.close()
  })
})

/** The WAL header's checkpoint sequence number: SQLite bumps it each time the WAL restarts from its start. */
function walRestarts(file: string): number {
  const fd = openSync(`${file}-wal`, 'r')
  try {
    const header = Buffer.alloc(16)
    readSync(fd, header, 0, 16, 0)
    return header.readUInt32BE(12)
  } finally {
    closeSync(fd)
  }
}
