import { defineConfig } from 'vitest/config'

// One vitest run covers unit tests next to the code (packages/*/src/**/*.test.ts) and the
// cross-package integration tests in tests/integration. Browser tests run under Playwright.
export default defineConfig({
  test: {
    projects: ['packages/*', 'tests'],
  },
})
