import { defineConfig } from '@playwright/test'
import { underCi } from '@storyloom/server/queue/testRedis'

// Browser tests drive Debian's Chromium (override with CHROMIUM_PATH); never a downloaded build.
export default defineConfig({
  testDir: 'e2e',
  // Builds the server once, so each test's server starts from JavaScript (see the file).
  globalSetup: './e2e/support/globalSetup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
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
    trace: 'retain-on-failure',
  },
})
