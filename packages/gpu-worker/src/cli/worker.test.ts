import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
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

  it('a REDIS_URL that is not a Redis URL', async () => {
    expectOneClearLine(await workerWith({ REDIS_URL: '127.0.0.1:6379' }), /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL, e.g\. redis:\/\/127\.0\.0\.1:6379, got "127\.0\.0\.1:6379"/u)
  })
})
