import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUser } from '../auth/accounts'
import { lookUpPasswordReset } from '../auth/passwordResets'
import { DATABASE_FILE } from '../dataDir'
import { openDatabase } from '../db/openDatabase'
import { makeResetLink } from './resetLink'

const TOKEN_IN_LINK = /^ {2}(http:\/\/\S+)\/reset-password#([A-Za-z0-9_-]+)$/m

describe('pnpm reset-link', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'storyloom-reset-link-'))
  })
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  function withAccounts(...emails: string[]): void {
    const db = openDatabase(join(dataDir, DATABASE_FILE))
    for (const email of emails) createUser(db, { email, name: email.split('@')[0]!, passwordHash: 'x' })
    db.$client.close()
  }

  function linkedUser(token: string) {
    const db = openDatabase(join(dataDir, DATABASE_FILE))
    try {
      const reset = lookUpPasswordReset(db, token)
      return reset.kind === 'valid' ? reset.user.email : reset.kind
    } finally {
      db.$client.close()
    }
  }

  it("makes a working link for the admin's own account (the case the Accounts page cannot cover), on the server's address", () => {
    withAccounts('ada@example.com', 'ben@example.com')
    const lines = makeResetLink({ dataDir, host: '0.0.0.0', port: 5310 }, ['  Ada@Example.com '])
    const [, origin, token] = TOKEN_IN_LINK.exec(lines.join('\n'))!
    expect(origin).toBe('http://localhost:5310')
    expect(lines[0]).toContain('(the admin)')
    expect(linkedUser(token!)).toBe('ada@example.com')
    // A second link replaces the first.
    const [, , newer] = TOKEN_IN_LINK.exec(makeResetLink({ dataDir, host: '127.0.0.1', port: 5310 }, ['ada@example.com']).join('\n'))!
    expect(linkedUser(token!)).toBe('unknown')
    expect(linkedUser(newer!)).toBe('ada@example.com')
  })

  it('refuses, with a sentence and without creating anything, a missing database, an unknown email, a server without accounts and wrong arguments', () => {
    const config = { dataDir, host: '127.0.0.1', port: 5310 }
    expect(() => makeResetLink(config, ['ada@example.com'])).toThrow(/no Storyloom database in .*STORYLOOM_DATA_DIR/)
    expect(() => makeResetLink(config, [])).toThrow(/usage: pnpm reset-link <email>/)
    expect(() => makeResetLink(config, ['a@example.com', 'b@example.com'])).toThrow(/usage/)
    expect(() => makeResetLink(config, ['not-an-email'])).toThrow(/"not-an-email" is not an email address/)
    withAccounts()
    expect(() => makeResetLink(config, ['ada@example.com'])).toThrow(/has no accounts yet/)
    withAccounts('ada@example.com')
    expect(() => makeResetLink(config, ['ben@example.com'])).toThrow(/no account has the email ben@example.com/)
  })

  it('runs as a command: the link on stdout, a refusal as one line on stderr with exit code 2', async () => {
    withAccounts('ada@example.com')
    const run = promisify(execFile)
    const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..')
    const env = { ...process.env, STORYLOOM_DATA_DIR: dataDir, PORT: '5999', HOST: '127.0.0.1', INIT_CWD: serverDir }
    const args = ['--import', 'tsx', 'src/cli/resetLink.ts']
    const { stdout } = await run(process.execPath, [...args, 'ada@example.com'], { cwd: serverDir, env })
    const [, origin, token] = TOKEN_IN_LINK.exec(stdout)!
    expect(origin).toBe('http://127.0.0.1:5999')
    expect(linkedUser(token!)).toBe('ada@example.com')
    const refused = await run(process.execPath, [...args, 'zoe@example.com'], { cwd: serverDir, env }).catch((error: { code: number; stderr: string }) => error)
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(/^storyloom: no account has the email zoe@example.com/) })
  })

  // A restore gone wrong (a half-copied file) used to end in a SqliteError stack trace, exit 1.
  it('says so, in one line with exit code 2, when the database file is not a database', async () => {
    writeFileSync(join(dataDir, DATABASE_FILE), 'half a backup')
    const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..')
    const env = { ...process.env, STORYLOOM_DATA_DIR: dataDir, INIT_CWD: serverDir }
    const refused = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/resetLink.ts', 'ada@example.com'], { cwd: serverDir, env }).catch((error: { code: number; stderr: string }) => error)
    expect(refused).toMatchObject({ code: 2 })
    const lines = (refused as { stderr: string }).stderr.trim().split('\n')
    expect(lines).toEqual([`storyloom: ${join(dataDir, DATABASE_FILE)} is not a readable SQLite database (a damaged file, or a backup that was not copied whole): stop Storyloom and put back the storyloom.sqlite from your backup, or move it away to start with an empty one`])
  })
})
