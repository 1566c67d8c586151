import { defineConfig } from '@playwright/test'
import { underCi } from '@storyloom/server/queue/testRedis'

// Browser tests drive Debian's Chromium (override with CHROMIUM_PATH); never a downloaded build.
export default defineConfig({
  testDir: 'e2e',
  // Builds the server once, so each test's server starts from JavaScript (see the file).
  globalSetup: './e2e/support/globalSetup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One spec file at a time: on a 2-core machine one browser test already keeps the CPU ~90% busy,
  // so two at a time took as long. Each test has its own server, port, data directory and Redis
  // prefix, so a bigger machine can run more with E2E_WORKERS. A file's tests run in order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 1,
  retries: 0,
  // A test.only left in a spec would run that test alone and pass; under CI it is an error.
  forbidOnly: underCi(),
  reporter: 'list',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    viewport: { width: 1280, height: 800 },
    // No trace by default: recording one (screencast and DOM snapshots on every action) made each
    // test ~30% slower, and CI keeps only the printed output. To debug a failing spec locally, run
    // it with `--trace retain-on-failure` and open the trace with `pnpm exec playwright show-trace`.
    trace: 'off',
  },
})
