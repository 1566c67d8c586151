import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { SyncPersistence } from '../sync/roomPersistence'
import { openDatabase } from './openDatabase'

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle')
type Journal = { entries: { idx: number; tag: string }[] }

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A database file migrated only up to (and including) the migration tagged `lastTag`. */
function databaseAt(lastTag: string): { file: string; sqlite: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'storyloom-migrate-'))
  dirs.push(dir)
  const folder = join(dir, 'drizzle')
  cpSync(migrationsFolder, folder, { recursive: true })
  const journalFile = join(folder, 'meta/_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag)
  if (last < 0) throw new Error(`no migration ${lastTag}`)
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }))
  const file = join(dir, 'storyloom.sqlite')
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  migrate(drizzle(sqlite), { migrationsFolder: folder })
  return { file, sqlite }
}

function textOf(stored: { snapshot: Uint8Array | undefined; updates: Uint8Array[] }): string {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('migration 0006 (board_updates clustered on board, seq)', () => {
  it('keeps every board’s snapshot and log from a database written before it, and later appends follow them', async () => {
    const { file, sqlite } = databaseAt('0005_review')
    sqlite.prepare('INSERT INTO boards (id, name) VALUES (?, ?), (?, ?)').run('a', 'A', 'b', 'B')
    // Before 0006 seq was one AUTOINCREMENT counter over all boards: interleave two boards' edits.
    const docs = { a: new Y.Doc(), b: new Y.Doc() }
    const insert = sqlite.prepare('INSERT INTO board_updates (board_id, "update") VALUES (?, ?)')
    for (const [boardId, doc] of Object.entries(docs)) doc.on('update', (update: Uint8Array) => insert.run(boardId, Buffer.from(update)))
    for (let i = 0; i < 6; i++) {
      docs.a.getText('t').insert(docs.a.getText('t').length, `a${i}`)
      docs.b.getText('t').insert(docs.b.getText('t').length, `b${i}`)
    }
    // Board a was compacted up to its third entry (global seq 5), as the old code did.
    const aSeqs = sqlite.prepare("SELECT seq FROM board_updates WHERE board_id = 'a' ORDER BY seq").pluck().all() as number[]
    const snapshotDoc = new Y.Doc()
    for (const row of sqlite.prepare("SELECT \"update\" FROM board_updates WHERE board_id = 'a' AND seq <= ? ORDER BY seq").pluck().all(aSeqs[2]) as Buffer[]) Y.applyUpdate(snapshotDoc, row)
    sqlite.prepare('INSERT INTO board_snapshots (board_id, state, seq, updated_at) VALUES (?, ?, ?, ?)').run('a', Buffer.from(Y.encodeStateAsUpdate(snapshotDoc)), aSeqs[2], Date.now())
    sqlite.prepare("DELETE FROM board_updates WHERE board_id = 'a' AND seq <= ?").run(aSeqs[2])
    sqlite.close()

    const db = openDatabase(file)
    const persistence = new SyncPersistence(db)
    const a = persistence.load('a')
    const b = persistence.load('b')
    expect(textOf(a)).toBe('a0a1a2a3a4a5')
    expect(textOf(b)).toBe('b0b1b2b3b4b5')
    expect(a.updates).toHaveLength(3)
    expect(a.lastSeq).toBe(aSeqs[5])

    // The room appends at lastSeq + 1 from here on; the board reads back in order.
    const more = new Y.Doc()
    Y.applyUpdate(more, Y.encodeStateAsUpdate(docs.a))
    more.on('update', (update: Uint8Array) => persistence.append('a', a.lastSeq + 1, update))
    more.getText('t').insert(more.getText('t').length, '!')
    expect(textOf(persistence.load('a'))).toBe('a0a1a2a3a4a5!')
    expect(textOf(persistence.load('b'))).toBe('b0b1b2b3b4b5')
    await persistence.dispose()
    db.$client.close()
  })
})
