import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createUser } from '../auth/accounts'
import { DATABASE_FILE } from '../dataDir'
import { openDatabase } from '../db/openDatabase'

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..')

/** Runs `pnpm backup <args>` as a user would (the real script, through tsx) with `dataDir`. */
function backup(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, STORYLOOM_DATA_DIR: dataDir, INIT_CWD: serverDir }
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', ...args], { cwd: serverDir, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  )
}

describe('pnpm backup', { timeout: 60_000 }, () => {
  // The admin's case: the server runs and has just written (its last changes still only in the
  // WAL file, which a copy of storyloom.sqlite alone would miss).
  it('copies a consistent database, the assets and the worker token while the server has the database open', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-backup-'))
    const db = openDatabase(join(dataDir, DATABASE_FILE))
    try {
      db.$client.pragma('wal_autocheckpoint = 0')
      createUser(db, { email: 'ada@example.com', name: 'Ada', passwordHash: 'x' })
      createUser(db, { email: 'ben@example.com', name: 'Ben', passwordHash: 'x' })
      mkdirSync(join(dataDir, 'assets', 'board-1'), { recursive: true })
      writeFileSync(join(dataDir, 'assets', 'board-1', 'frame.png'), 'picture bytes')
      writeFileSync(join(dataDir, 'worker-token'), 'the-token')

      const target = join(mkdtempSync(join(tmpdir(), 'storyloom-backup-to-')), 'monday')
      const done = await backup(dataDir, target)
      expect(done.code, done.stderr).toBe(0)
      expect(done.stdout).toContain(`Backed up ${dataDir} to ${target}:`)
      expect(done.stdout).toContain('assets/ (1 file), worker-token')

      const copy = new Database(join(target, DATABASE_FILE), { readonly: true })
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(copy.prepare('select email from users order by email').pluck().all()).toEqual(['ada@example.com', 'ben@example.com'])
      } finally {
        copy.close()
      }
      expect(readFileSync(join(target, 'assets', 'board-1', 'frame.png'), 'utf8')).toBe('picture bytes')
      expect(readFileSync(join(target, 'worker-token'), 'utf8')).toBe('the-token')
      // The server goes on writing after it.
      createUser(db, { email: 'cy@example.com', name: 'Cy', passwordHash: 'x' })
    } finally {
      db.$client.close()
    }
  })

  it('refuses, in one line with exit code 2, wrong arguments, a folder with something in it and a data directory without a database or with a damaged one (leaving no folder behind)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-backup-'))
    openDatabase(join(dataDir, DATABASE_FILE)).$client.close()
    const used = mkdtempSync(join(tmpdir(), 'storyloom-backup-to-'))
    writeFileSync(join(used, DATABASE_FILE), 'last week')
    const damaged = mkdtempSync(join(tmpdir(), 'storyloom-backup-'))
    writeFileSync(join(damaged, DATABASE_FILE), 'half a restore')
    const cases = [
      { result: await backup(dataDir), line: /^storyloom: usage: pnpm backup <folder>/u },
      { result: await backup(dataDir, 'a', 'b'), line: /^storyloom: usage: pnpm backup <folder>/u },
      { result: await backup(dataDir, used), line: new RegExp(`^storyloom: ${used} is not empty: give a new or empty folder`, 'u') },
      { result: await backup(join(dataDir, 'nothing-here'), join(used, 'new')), line: /^storyloom: there is no Storyloom database in .*nothing-here: set STORYLOOM_DATA_DIR/u },
      { result: await backup(damaged, join(used, 'new')), line: /^storyloom: .*storyloom\.sqlite is not a readable SQLite database/u },
    ]
    for (const { result, line } of cases) {
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(line)
    }
    expect(readFileSync(join(used, DATABASE_FILE), 'utf8')).toBe('last week')
    expect(readdirSync(used)).toEqual([DATABASE_FILE])
  })
})
