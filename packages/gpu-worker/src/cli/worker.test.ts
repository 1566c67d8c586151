import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))

/** Runs `pnpm worker`'s entry point with `env` (over a complete, valid setup) until it exits: a setting it cannot use must end it before it connects anywhere. */
function workerWith(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const setup = { REDIS_URL: 'redis://127.0.0.1:1', STORYLOOM_SERVER_URL: 'http://127.0.0.1:1', STORYLOOM_WORKER_TOKEN: 'token', STORYLOOM_MODELS_DIR: join(mkdtempSync(join(tmpdir(), 'storyloom-worker-')), 'models') }
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], { cwd: packageDir, env: { ...process.env, ...setup, ...env }, timeout: 60_000 }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr })
    })
  })
}

function expectOneClearLine({ code, stderr }: { code: number; stderr: string }, message: RegExp): void {
  expect(code, stderr).toBe(2)
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^storyloom worker: /u)
  expect(lines[0]).toMatch(message)
}

// What an admin sees when `pnpm worker` is given an address it cannot use: one line naming the
// setting and an example, exit code 2 (as for a missing one), no stack trace and no silent wait.
describe('pnpm worker refuses settings it cannot use', { timeout: 120_000 }, () => {
  it('a server address without http://', async () => {
    expectOneClearLine(await workerWith({ STORYLOOM_SERVER_URL: 'localhost:5310' }), /STORYLOOM_SERVER_URL must be the server's http:\/\/ or https:\/\/ address.*"localhost:5310"/u)
    expectOneClearLine(await workerWith({ STORYLOOM_SERVER_URL: '127.0.0.1:5310' }), /STORYLOOM_SERVER_URL must be .*"127\.0\.0\.1:5310"/u)
  })

  // Both used to end with a stack trace (exit 1): the device in an uncaught error, the file in ENOTDIR from its model listing.
  it('a STORYLOOM_DEVICE it does not know, and a models folder that is a file', async () => {
    expectOneClearLine(await workerWith({ STORYLOOM_DEVICE: 'gpu9' }), /unknown device "gpu9": use auto, cpu, cuda or cuda:N/u)
    const file = join(mkdtempSync(join(tmpdir(), 'storyloom-worker-')), 'models')
    writeFileSync(file, 'not a folder')
    expectOneClearLine(await workerWith({ STORYLOOM_MODELS_DIR: file }), new RegExp(`the models folder ${file} is a file, not a folder: set STORYLOOM_MODELS_DIR to a folder`, 'u'))
  })

  it('a REDIS_URL that is not a Redis URL', async () => {
    expectOneClearLine(await workerWith({ REDIS_URL: '127.0.0.1:6379' }), /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL, e.g\. redis:\/\/127\.0\.0\.1:6379, got "127\.0\.0\.1:6379"/u)
  })

  // It used to wait for Redis and its server, then end with a stack trace (or, with both up, a
  // worker that never counted): a model it was told to run must be there before it connects.
  it('a STORYLOOM_MODEL that is not installed', async () => {
    expectOneClearLine(await workerWith({ STORYLOOM_MODEL: 'sd-turbo-typo' }), /STORYLOOM_MODEL is "sd-turbo-typo", but no such model is installed in .* \(installed: none; the built-in storyloom-tiny is always available\): install it with `pnpm models install <url\|archive\|folder> --id sd-turbo-typo`, or unset STORYLOOM_MODEL/u)
  })
})

// An admin who starts a worker before its Redis or its server (or points it at the wrong one)
// and then stops it sees the same last line as after any other stop, and a clean exit code.
// Waiting for the server needs a Redis that answers (the one the Redis tests use).
describe('pnpm worker stopped while it waits', { timeout: 120_000 }, () => {
  const cases = [
    { signal: 'SIGTERM', waitingFor: 'Redis', redisUrl: 'redis://127.0.0.1:1', line: 'waiting for Redis at redis://127.0.0.1:1' },
    { signal: 'SIGINT', waitingFor: 'Redis', redisUrl: 'redis://127.0.0.1:1', line: 'waiting for Redis at redis://127.0.0.1:1' },
    { signal: 'SIGTERM', waitingFor: 'its server', redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', line: 'waiting for it before taking jobs' },
    { signal: 'SIGINT', waitingFor: 'its server', redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', line: 'waiting for it before taking jobs' },
  ] as const
  for (const { signal, waitingFor, redisUrl, line } of cases) {
    it(`for ${waitingFor}: stops on ${signal} with its "stopped" line`, async () => {
      const env = {
        REDIS_URL: redisUrl,
        STORYLOOM_REDIS_PREFIX: `storyloom-test-${process.pid}-${Date.now()}`,
        STORYLOOM_SERVER_URL: 'http://127.0.0.1:1',
        STORYLOOM_WORKER_TOKEN: 'token',
        STORYLOOM_MODELS_DIR: join(mkdtempSync(join(tmpdir(), 'storyloom-worker-')), 'models'),
        STORYLOOM_DEVICE: 'cpu',
      }
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], { cwd: packageDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
      let output = ''
      const waiting = new Promise<void>((resolve) => {
        const check = (chunk: Buffer) => {
          output += chunk.toString()
          if (output.includes(line)) resolve()
        }
        child.stdout.on('data', check)
        child.stderr.on('data', check)
      })
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      await Promise.race([waiting, exited])
      expect(output).toContain(line)
      child.kill(signal)
      expect(await exited, output).toBe(0)
      expect(output.trim().split('\n').at(-1)).toBe('storyloom worker: stopped')
      expect(output).not.toMatch(/\n\s+at /u) // no stack trace
    })
  }
})
