import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { redisForTests, testRedisUrl } from '@storyloom/server/queue/testRedis'
import { describe, expect, it } from 'vitest'
import { freePort } from '../support/freePort'

// What an admin sees when a setting keeps `pnpm start` from starting: one line naming the
// setting and what to do, exit code 2, no stack trace, and no server left half-started.

const appPackage = fileURLToPath(new URL('../../packages/app', import.meta.url))

/** Runs `pnpm start`'s entry point with `env` until it exits (it must, on its own). */
async function startWith(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-startup-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: appPackage,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', STORYLOOM_DATA_DIR: dataDir, STORYLOOM_SYNC_WARMUP: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    // A server that starts anyway is the bug: stop it so the test fails instead of hanging.
    if (chunk.toString().includes('running at')) child.kill('SIGKILL')
  })
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
  return { code, stderr }
}

function expectOneClearLine(result: { code: number | null; stderr: string }, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2)
  const lines = result.stderr.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^storyloom: /u)
  expect(lines[0]).toMatch(message)
}

const redisUp = await redisForTests('the tests of a Redis that refuses the server')

describe('settings that keep the server from starting', { timeout: 90_000 }, () => {
  it('a PORT that is not a number', async () => {
    expectOneClearLine(await startWith({ PORT: 'abc' }), /PORT must be a port number.*"abc"/u)
  })

  it('an upload limit that is not a number', async () => {
    expectOneClearLine(await startWith({ STORYLOOM_MAX_ASSET_MB: 'lots' }), /STORYLOOM_MAX_ASSET_MB must be .*"lots"/u)
  })

  it('a sign-up setting that is neither open nor invite', async () => {
    expectOneClearLine(await startWith({ STORYLOOM_SIGNUP: 'invites' }), /STORYLOOM_SIGNUP must be "open" or "invite".*"invites"/u)
  })

  it('a REDIS_URL that is not a Redis URL', async () => {
    expectOneClearLine(await startWith({ REDIS_URL: 'localhost:6379' }), /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL.*"localhost:6379"/u)
  })

  it('a Redis that does not answer', async () => {
    const port = await freePort()
    expectOneClearLine(await startWith({ REDIS_URL: `redis://:secret@127.0.0.1:${port}` }), new RegExp(`cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}.*REDIS_URL`, 'u'))
  })

  describe.skipIf(!redisUp)('a Redis that answers but refuses the server', () => {
    /** The test Redis's URL with `user:password@` and/or another database number. */
    function testRedisWith({ auth, db }: { auth?: string; db?: number }): string {
      const url = new URL(testRedisUrl)
      if (auth) [url.username, url.password] = auth.split(':') as [string, string]
      if (db !== undefined) url.pathname = `/${db}`
      return url.toString()
    }

    it('a wrong user name or password', async () => {
      // Told apart from a Redis that is down: "start Redis" would send the admin the wrong way.
      const result = await startWith({ REDIS_URL: testRedisWith({ auth: 'storyloom-nobody:wrong' }) })
      expectOneClearLine(result, /Redis at redis:\/\/storyloom-nobody:\*\*\*@.* refused this server \(WRONGPASS .*\): fix the user name, password or database number in REDIS_URL/u)
      expect(result.stderr).not.toContain('wrong')
    })

    it('a database number Redis does not have', async () => {
      // ioredis selects it after connecting: before, PING still answered and the server started, logging a stack trace a second.
      expectOneClearLine(await startWith({ REDIS_URL: testRedisWith({ db: 99 }) }), /Redis at redis:\/\/.*\/99 refused this server \(ERR DB index is out of range\)/u)
    })
  })

  it('a data directory that cannot be a folder', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'storyloom-startup-')), 'a-file')
    writeFileSync(file, 'not a folder')
    const result = await startWith({ STORYLOOM_DATA_DIR: join(file, 'data') })
    expectOneClearLine(result, /cannot create the data directory .*a-file\/data: .*a-file is a file, not a folder.*STORYLOOM_DATA_DIR/u)
    expect(result.stderr).not.toMatch(/\bE[A-Z]{3,}\b/u)
  })

  it('a data directory that is an existing file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'storyloom-startup-')), 'data')
    writeFileSync(file, 'not a folder')
    // It used to say "(EEXIST)", which reads as "it exists" — the very thing a data directory should.
    const result = await startWith({ STORYLOOM_DATA_DIR: file })
    expectOneClearLine(result, new RegExp(`the data directory ${file} is a file, not a folder: set STORYLOOM_DATA_DIR to a folder`, 'u'))
    expect(result.stderr).not.toMatch(/\bE[A-Z]{3,}\b/u)
  })

  // Restoring a backup as root, then starting as the service's user, leaves files it cannot use
  // (root passes permission checks, so a test stands them in with the wrong kind of file).
  it('an assets folder in the data directory that the server cannot write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-startup-'))
    writeFileSync(join(dataDir, 'assets'), 'not a folder')
    // It used to start, then answer every upload and generation result with a 500.
    const result = await startWith({ STORYLOOM_DATA_DIR: dataDir })
    expectOneClearLine(result, new RegExp(`cannot use ${dataDir}/assets in the data directory: it is a file, not a folder`, 'u'))
    expect(result.stderr).not.toMatch(/\bE[A-Z]{3,}\b/u)
  })

  // A backup restored half-way used to stop the start with a SqliteError stack trace.
  it('a database file that is not a database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-startup-'))
    writeFileSync(join(dataDir, 'storyloom.sqlite'), 'half a backup')
    const result = await startWith({ STORYLOOM_DATA_DIR: dataDir })
    expectOneClearLine(result, new RegExp(`${dataDir}/storyloom.sqlite is not a readable SQLite database .*put back the storyloom.sqlite from your backup`, 'u'))
  })

  it('a worker-token in the data directory that the server cannot read', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-startup-'))
    mkdirSync(join(dataDir, 'worker-token'))
    // It used to stop with a stack trace and "delete it to make a new one", which would cut off every separate worker.
    const result = await startWith({ STORYLOOM_DATA_DIR: dataDir })
    expectOneClearLine(result, new RegExp(`cannot use ${dataDir}/worker-token in the data directory: it is a folder, not a file`, 'u'))
    expect(result.stderr).not.toContain('delete it')
  })

  // A typo in STORYLOOM_MODEL used to start the server with a worker that never took a job, and
  // boards whose generations waited forever; another model is never used in its place.
  it('a STORYLOOM_MODEL that is not installed', async () => {
    const modelsDir = mkdtempSync(join(tmpdir(), 'storyloom-startup-models-'))
    const result = await startWith({ STORYLOOM_MODELS_DIR: modelsDir, STORYLOOM_MODEL: 'sd-turbo-typo' })
    expectOneClearLine(
      result,
      new RegExp(`STORYLOOM_MODEL is "sd-turbo-typo", but no such model is installed in ${modelsDir} \\(installed: none; the built-in storyloom-tiny is always available\\): install it with \`pnpm models install <url\\|archive\\|folder> --id sd-turbo-typo\`, or unset STORYLOOM_MODEL`, 'u'),
    )
  })

  // It used to start with "generations: no worker" after an ENOTDIR stack trace: every generation waited forever.
  it('a models folder that is a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'storyloom-startup-')), 'models')
    writeFileSync(file, 'not a folder')
    const result = await startWith({ STORYLOOM_MODELS_DIR: file })
    expectOneClearLine(result, new RegExp(`the models folder ${file} is a file, not a folder: set STORYLOOM_MODELS_DIR to a folder`, 'u'))
  })

  it('a STORYLOOM_TRASH_DAYS past the last date there is', async () => {
    expectOneClearLine(await startWith({ STORYLOOM_TRASH_DAYS: '999999999' }), /STORYLOOM_TRASH_DAYS must be a whole number from 1 to 36500, got "999999999"/u)
  })

  it('a PORT another program listens on', async () => {
    const other = createServer()
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const { port } = other.address() as AddressInfo
    try {
      expectOneClearLine(await startWith({ PORT: String(port) }), new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use.*PORT`, 'u'))
    } finally {
      other.close()
    }
  })

  it('a HOST that is not an address of this machine', async () => {
    expectOneClearLine(await startWith({ HOST: 'nonexistent.invalid', STORYLOOM_AUTH: 'required' }), /cannot listen on HOST "nonexistent\.invalid".*ENOTFOUND/u)
  })
})
