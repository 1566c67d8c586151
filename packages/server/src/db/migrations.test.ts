import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { acceptInvite, listInvites, lookUpInvite } from '../access/invites'
import { createPasswordReset, lookUpPasswordReset } from '../auth/passwordResets'
import { hashToken } from '../auth/secretToken'
import { SyncPersistence } from '../sync/roomPersistence'
import { defineMigrationFunctions } from './migrationFunctions'
import { openDatabase } from './openDatabase'
import { listShareLinks, revokeShareLink, toShareLinkResponse } from '../review/shareLinkStore'
import { users } from './schema'

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
  // Data migrations call functions defined in TypeScript, as openDatabase defines them.
  defineMigrationFunctions(sqlite)
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

describe('migration 0007 (control characters out of stored names, labels and comments)', () => {
  it('strips what the API now refuses from rows saved before, by the same rule, and leaves normal text as it was', () => {
    const { file, sqlite } = databaseAt('0006_board_updates_clustered')
    const now = Date.now()
    sqlite.prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run('u', 'eve@example.com', 'Eve\u001b[2J', 'x', now)
    sqlite.prepare('INSERT INTO boards (id, name) VALUES (?, ?), (?, ?)').run('b', 'Pitch\u0000 deck', 'c', 'Plan américain 🎬')
    sqlite.prepare('INSERT INTO share_links (id, board_id, token, label, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('l1', 'b', 't1', 'Client\u0007 — round 2', 'u', now)
    sqlite.prepare('INSERT INTO share_links (id, board_id, token, label, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('l2', 'b', 't2', '\u0000', 'u', now)
    const thread = sqlite.prepare('INSERT INTO comment_threads (id, board_id, anchor, shot_id, resolved_at, resolved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    thread.run('t1', 'b', JSON.stringify({ kind: 'shot', shotId: 'shape:s' }), 'shape:s', now, 'Carla\u0000\nAdmin', now)
    thread.run('t2', 'b', JSON.stringify({ kind: 'shot', shotId: 'shape:s' }), 'shape:s', null, null, now)
    const comment = sqlite.prepare('INSERT INTO comments (id, thread_id, body, mentions, author_kind, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    comment.run('c1', 't1', 'Line one\r\n\tline two \u0007\u001b[31mred\u0000 end\u0085', '[]', 'reviewer', 'l1', '\u0000Carla (Maison Lumière)\u009b', now)
    comment.run('c2', 't1', 'Fine by me.\nAs is, @Ann\t👍', '["Ann"]', 'team', 'u', 'Ann Lee', now)
    comment.run('c3', 't2', '\u0007\u0000', '[]', 'reviewer', 'l1', '\u0000', now)
    const verdict = sqlite.prepare('INSERT INTO shot_verdicts (board_id, shot_id, verdict, reviewer_name, share_link_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    verdict.run('b', 'shape:s', 'approved', 'Carla\u0085', 'l1', now)
    sqlite.prepare('INSERT INTO board_history (id, board_id, name, reason, state, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('h', 'b', 'Before\u0000 notes', 'manual', Buffer.alloc(0), 'u', 'Eve\u0007', now)
    sqlite.close()

    const db = openDatabase(file)
    const column = (sql: string) => db.$client.prepare(sql).pluck().all()
    expect(column('SELECT name FROM users')).toEqual(['Eve[2J'])
    expect(column('SELECT name FROM boards ORDER BY id')).toEqual(['Pitch deck', 'Plan américain 🎬'])
    expect(column('SELECT label FROM share_links ORDER BY id')).toEqual(['Client — round 2', ''])
    expect(column('SELECT resolved_by FROM comment_threads ORDER BY id')).toEqual(['Carla Admin', null])
    expect(column('SELECT body FROM comments ORDER BY id')).toEqual([
      'Line one\n\tline two [31mred end',
      'Fine by me.\nAs is, @Ann\t👍',
      '(no text)',
    ])
    expect(column('SELECT author_name FROM comments ORDER BY id')).toEqual(['Carla (Maison Lumière)', 'Ann Lee', 'Unnamed'])
    expect(column('SELECT reviewer_name FROM shot_verdicts')).toEqual(['Carla'])
    expect(column('SELECT name || \'/\' || author_name FROM board_history')).toEqual(['Before notes/Eve'])
    db.$client.close()
  })
})

describe('migration 0008 (characters that reorder or hide text out of stored names, labels and comments)', () => {
  it('strips what the API now refuses from rows saved before, by the same rule, and leaves everything else as it was', () => {
    const { file, sqlite } = databaseAt('0007_strip_control_characters')
    const now = Date.now()
    const persian = 'نامه\u200cها'
    const family = '👩\u200d👩\u200d👧'
    const scotland = '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'
    const hebrew = 'פרק (2)\u200f'
    const user = sqlite.prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    user.run('u1', 'eve@example.com', 'Eve\u202e nimdA', 'x', now)
    user.run('u2', 'ann@example.com', persian, 'x', now)
    sqlite.prepare('INSERT INTO boards (id, name) VALUES (?, ?), (?, ?), (?, ?), (?, ?)').run('b', '\u2067Pitch\u2069 deck', 'c', `${family} ${scotland}`, 'd', '\u202e\u200b', 'e', 'ភាពយន្ត\u200bខ្លី')
    const link = sqlite.prepare('INSERT INTO share_links (id, board_id, token, label, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    link.run('l1', 'b', 't1', 'Client\ufff9Admin\ufffa\ufffb — round 2', 'u1', now)
    link.run('l2', 'b', 't2', '\u202d', 'u1', now)
    link.run('l3', 'b', 't3', hebrew, 'u1', now)
    const thread = sqlite.prepare('INSERT INTO comment_threads (id, board_id, anchor, shot_id, resolved_at, resolved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    thread.run('t1', 'b', JSON.stringify({ kind: 'shot', shotId: 'shape:s' }), 'shape:s', now, 'Carla\u2066', now)
    thread.run('t2', 'b', JSON.stringify({ kind: 'shot', shotId: 'shape:s' }), 'shape:s', null, null, now)
    const comment = sqlite.prepare('INSERT INTO comments (id, thread_id, body, mentions, author_kind, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    comment.run('c1', 't1', 'Line one\n\tsee \u202eevil\u202c here\u{e0069}\u{e0067}\u{e006e}\n', '[]', 'reviewer', 'l1', '\u202eCarla', now)
    comment.run('c2', 't1', `Fine by me.\n\tAs is, @Ann ${family}\n${hebrew}`, '["Ann"]', 'team', 'u2', persian, now)
    comment.run('c3', 't2', '\u2066\u2069', '[]', 'reviewer', 'l1', '\u206e', now)
    const verdict = sqlite.prepare('INSERT INTO shot_verdicts (board_id, shot_id, verdict, reviewer_name, share_link_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    verdict.run('b', 'shape:s', 'approved', 'Carla\u202c', 'l1', now)
    verdict.run('b', 'shape:t', 'approved', hebrew, 'l1', now)
    const snapshot = sqlite.prepare('INSERT INTO board_history (id, board_id, name, reason, state, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    snapshot.run('h1', 'b', 'Before\u202b notes', 'manual', Buffer.alloc(0), 'u1', 'Eve\u{e0041}', now)
    snapshot.run('h2', 'b', scotland, 'manual', Buffer.alloc(0), 'u2', persian, now)
    sqlite.close()

    const db = openDatabase(file)
    const column = (sql: string) => db.$client.prepare(sql).pluck().all()
    expect(column('SELECT name FROM users ORDER BY id')).toEqual(['Eve nimdA', persian])
    expect(column('SELECT name FROM boards ORDER BY id')).toEqual(['Pitch deck', `${family} ${scotland}`, 'Untitled board', 'ភាពយន្ត\u200bខ្លី'])
    expect(column('SELECT label FROM share_links ORDER BY id')).toEqual(['ClientAdmin — round 2', '', hebrew])
    expect(column('SELECT resolved_by FROM comment_threads ORDER BY id')).toEqual(['Carla', null])
    expect(column('SELECT body FROM comments ORDER BY id')).toEqual([
      'Line one\n\tsee evil here',
      `Fine by me.\n\tAs is, @Ann ${family}\n${hebrew}`,
      '(no text)',
    ])
    expect(column('SELECT author_name FROM comments ORDER BY id')).toEqual(['Carla', persian, 'Unnamed'])
    expect(column('SELECT reviewer_name FROM shot_verdicts ORDER BY shot_id')).toEqual(['Carla', hebrew])
    expect(column("SELECT name || '/' || author_name FROM board_history ORDER BY id")).toEqual(['Before notes/Eve', `${scotland}/${persian}`])
    db.$client.close()
  })
})

describe('migration 0009 (take labels and authors saved before they were cleaned)', () => {
  it('strips control characters and characters that reorder or hide text from takes, leaving the rest as it was', () => {
    const { file, sqlite } = databaseAt('0008_strip_reordering_and_hiding_characters')
    const now = Date.now()
    const persian = 'نامه\u200cها'
    sqlite.prepare('INSERT INTO boards (id, name) VALUES (?, ?)').run('b', 'B')
    const take = sqlite.prepare(
      "INSERT INTO shot_versions (id, board_id, shot_id, source, assets, author_id, author_name, label, created_at) VALUES (?, 'b', 'shape:s', 'upload', '[]', 'u', ?, ?, ?)",
    )
    take.run('v1', 'Eve\u202e nimdA\u0007', 'Final\u0000 \u2067cut\u2069', now)
    take.run('v2', persian, 'Take 2 — alt\u200f', now)
    take.run('v3', '\u202d\u0000', '\u202e', now)
    sqlite.close()

    const db = openDatabase(file)
    const column = (sql: string) => db.$client.prepare(sql).pluck().all()
    expect(column('SELECT author_name FROM shot_versions ORDER BY id')).toEqual(['Eve nimdA', persian, 'Unnamed'])
    expect(column('SELECT label FROM shot_versions ORDER BY id')).toEqual(['Final cut', 'Take 2 — alt\u200f', ''])
    db.$client.close()
  })
})

describe('migration 0011 (a used invite link is kept and marked, not deleted)', () => {
  it('keeps invites made before it working, marks them used when someone joins, and forgets who when that account goes', () => {
    const { file, sqlite } = databaseAt('0010_verdict_owner')
    const now = Date.now()
    const user = sqlite.prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    user.run('owner', 'ada@example.com', 'Ada', 'x', now)
    user.run('guest', 'ben@example.com', 'Ben', 'x', now)
    sqlite.prepare('INSERT INTO boards (id, name) VALUES (?, ?)').run('b', 'Pitch')
    sqlite.prepare('INSERT INTO board_members (board_id, user_id, role, created_at) VALUES (?, ?, ?, ?)').run('b', 'owner', 'owner', now)
    const token = 'T'.repeat(43)
    sqlite
      .prepare('INSERT INTO board_invites (id, token_hash, board_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('i', hashToken(token), 'b', 'editor', 'owner', now, now + 3_600_000)
    sqlite.close()

    const db = openDatabase(file)
    expect(listInvites(db, 'b').map((i) => i.id)).toEqual(['i'])
    const guest = { kind: 'user' as const, user: db.select().from(users).where(eq(users.id, 'guest')).get()! }
    expect(acceptInvite(db, token, guest)).toEqual({ kind: 'joined', boardId: 'b', role: 'editor', changed: true })
    expect(db.$client.prepare('SELECT used_by FROM board_invites').pluck().all()).toEqual(['guest'])
    expect(listInvites(db, 'b')).toEqual([])
    // The column refers to the account the way schema.ts says: deleting it keeps the mark, not the name.
    db.$client.prepare("DELETE FROM users WHERE id = 'guest'").run()
    expect(db.$client.prepare('SELECT used_by, used_at IS NOT NULL AS used FROM board_invites').all()).toEqual([{ used_by: null, used: 1 }])
    expect(lookUpInvite(db, token)).toMatchObject({ kind: 'used', boardId: 'b' })
    db.$client.close()
  })
})

describe('migration 0012 (invites used before 0011 are marked used)', () => {
  it('marks a link someone joined its board with while it was the only one open; leaves unused and ambiguous ones open', () => {
    const { file, sqlite } = databaseAt('0010_verdict_owner')
    const hour = 3_600_000
    const t0 = Date.now() - 24 * hour
    const user = sqlite.prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    for (const id of ['ada', 'ben', 'cara', 'dan']) user.run(id, `${id}@example.com`, id, 'x', t0)
    const board = sqlite.prepare('INSERT INTO boards (id, name) VALUES (?, ?)')
    const member = sqlite.prepare('INSERT INTO board_members (board_id, user_id, role, created_at) VALUES (?, ?, ?, ?)')
    const invite = sqlite.prepare('INSERT INTO board_invites (id, token_hash, board_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    const token = (id: string) => id.padEnd(43, 'T')
    // "used": Ben joined with it (and has been made an editor since); "open": nobody has yet.
    for (const id of ['used', 'open']) board.run(id, `Pitch ${id}`)
    for (const id of ['used', 'open']) {
      member.run(id, 'ada', 'owner', t0)
      invite.run(id, hashToken(token(id)), id, 'viewer', 'ada', t0 + hour, t0 + 200 * hour)
    }
    member.run('used', 'ben', 'editor', t0 + 2 * hour)
    // "two": two links open at once and one person joined: which link they came by is not known.
    board.run('two', 'Pitch two')
    member.run('two', 'ada', 'owner', t0)
    invite.run('two-a', hashToken(token('two-a')), 'two', 'viewer', 'ada', t0 + hour, t0 + 200 * hour)
    invite.run('two-b', hashToken(token('two-b')), 'two', 'viewer', 'ada', t0 + hour, t0 + 200 * hour)
    member.run('two', 'ben', 'viewer', t0 + 2 * hour)
    sqlite.close()

    const db = openDatabase(file)
    const principal = (id: string) => ({ kind: 'user' as const, user: db.select().from(users).where(eq(users.id, id)).get()! })
    expect(lookUpInvite(db, token('used'))).toMatchObject({ kind: 'used', boardId: 'used', usedAt: new Date(t0 + 2 * hour) })
    expect(db.$client.prepare("SELECT used_by FROM board_invites WHERE id = 'used'").pluck().get()).toBe('ben')
    // Someone else with the old link is told it was used, and not let in; Ben is taken to the board.
    expect(acceptInvite(db, token('used'), principal('cara'))).toEqual({ kind: 'usedByOther' })
    expect(acceptInvite(db, token('used'), principal('ben'))).toEqual({ kind: 'joined', boardId: 'used', role: 'editor', changed: false })
    expect(listInvites(db, 'used')).toEqual([])
    // The unused link and the two ambiguous ones still work.
    expect(lookUpInvite(db, token('open'))).toMatchObject({ kind: 'valid' })
    expect(listInvites(db, 'two').map((i) => i.id).sort()).toEqual(['two-a', 'two-b'])
    expect(acceptInvite(db, token('two-a'), principal('dan'))).toMatchObject({ kind: 'joined', changed: true })
    db.$client.close()
  })
})

describe('migration 0014 (password reset links)', () => {
  it('gives a database from before it reset links that work, and go with their account', () => {
    const { file, sqlite } = databaseAt('0013_take_revision')
    sqlite.prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run('ada', 'ada@example.com', 'Ada', 'x', Date.now())
    sqlite.close()

    const db = openDatabase(file)
    const { token } = createPasswordReset(db, 'ada')
    expect(lookUpPasswordReset(db, token)).toMatchObject({ kind: 'valid', user: { id: 'ada' } })
    db.$client.prepare("DELETE FROM users WHERE id = 'ada'").run()
    expect(db.$client.prepare('SELECT count(*) FROM password_resets').pluck().get()).toBe(0)
    expect(lookUpPasswordReset(db, token)).toEqual({ kind: 'unknown' })
    db.$client.close()
  })
})

describe('migration 0018 (who turned a review link off)', () => {
  it('keeps when a link turned off before it was, with nobody named; a link turned off since names who did', () => {
    const { file, sqlite } = databaseAt('0017_comment_markup')
    const offAt = Date.UTC(2026, 2, 20, 9, 30)
    sqlite.prepare('INSERT INTO boards (id, name) VALUES (?, ?)').run('b', 'Pitch')
    const link = sqlite.prepare('INSERT INTO share_links (id, board_id, token, created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)')
    link.run('old-off', 'b', 'token-old', 'local', offAt - 1000, offAt)
    link.run('still-on', 'b', 'token-on', 'local', offAt - 1000, null)
    sqlite.close()

    const db = openDatabase(file)
    const byId = new Map(listShareLinks(db, 'b').map((row) => [row.id, toShareLinkResponse(row)]))
    expect(byId.get('old-off')).toMatchObject({ state: 'revoked', revokedAt: new Date(offAt).toISOString(), revokedByName: null })
    expect(toShareLinkResponse(revokeShareLink(db, 'b', 'still-on', 'Ada')!)).toMatchObject({ state: 'revoked', revokedByName: 'Ada' })
    db.$client.close()
  })
})
