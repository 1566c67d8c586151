import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test'
import { GenerationSetup, requireRedis, type GenerationMode, type GenerationSetupOptions } from './generationSetup'
import { StoryloomServer, type StoryloomServerOptions } from './storyloomServer'

export type Fixtures = {
  /**
   * A page in a browser context of its own: another person, on another device (own storage,
   * own IndexedDB copy, own tldraw user), with `options` (e.g. a phone's viewport and touch).
   * Closed after the test.
   */
  newPerson(options?: BrowserContextOptions): Promise<Page>
  /** How {@link Fixtures.server} starts; a spec sets it with `test.use({ serverOptions: … })`. */
  serverOptions: StoryloomServerOptions
  /** The test's own Storyloom server on a fresh data directory; stopped and deleted after the test. */
  server: StoryloomServer
  /**
   * Starts the test's Storyloom for generations in `mode` (a Redis-mode test first passes
   * {@link requireRedis}: skipped without Redis, failed under CI); disposed after the test.
   */
  startGeneration(mode: GenerationMode, options?: GenerationSetupOptions): Promise<GenerationSetup>
  /**
   * Fails a test that leaves a browser context open (and closes it). The browser lives for the
   * whole run, so a page left open (a review link, a board) kept reconnecting to its stopped
   * server, and its timers running, through every later test on a 2-core machine.
   */
  noContextLeftOpen: void
}

export const test = base.extend<Fixtures>({
  newPerson: async ({ browser }, use) => {
    const contexts: BrowserContext[] = []
    await use(async (options) => {
      const context = await browser.newContext(options)
      contexts.push(context)
      return context.newPage()
    })
    await Promise.all(contexts.map((context) => context.close()))
  },
  serverOptions: [{}, { option: true }],
  server: async ({ serverOptions }, use) => {
    const server = await StoryloomServer.start(serverOptions)
    await use(server)
    await server.dispose()
  },
  noContextLeftOpen: [
    async ({ browser }, use) => {
      await use()
      // Torn down after every other test fixture (auto fixtures are set up first): what is left was opened by the test itself.
      const left = browser.contexts()
      await Promise.all(left.map((context) => context.close()))
      if (left.length > 0) throw new Error(`the test left ${left.length} browser context(s) open: open pages with the newPerson fixture, which closes them`)
    },
    { auto: true },
  ],
  startGeneration: async ({}, use) => {
    const setups: GenerationSetup[] = []
    await use(async (mode, options) => {
      if (mode === 'redis') await requireRedis()
      const setup = await GenerationSetup.start(mode, options)
      setups.push(setup)
      return setup
    })
    await Promise.all(setups.map((setup) => setup.dispose()))
  },
})

export { expect } from '@playwright/test'
