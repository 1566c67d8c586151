import { test as base, type BrowserContext, type Page } from '@playwright/test'
import { GenerationSetup, requireRedis, type GenerationMode, type GenerationSetupOptions } from './generationSetup'
import { StoryloomServer, type StoryloomServerOptions } from './storyloomServer'

export type Fixtures = {
  /**
   * A page in a browser context of its own: another person, on another device (own storage,
   * own IndexedDB copy, own tldraw user). Closed after the test.
   */
  newPerson(): Promise<Page>
  /** How {@link Fixtures.server} starts; a spec sets it with `test.use({ serverOptions: … })`. */
  serverOptions: StoryloomServerOptions
  /** The test's own Storyloom server on a fresh data directory; stopped and deleted after the test. */
  server: StoryloomServer
  /**
   * Starts the test's Storyloom for generations in `mode` (a Redis-mode test first passes
   * {@link requireRedis}: skipped without Redis, failed under CI); disposed after the test.
   */
  startGeneration(mode: GenerationMode, options?: GenerationSetupOptions): Promise<GenerationSetup>
}

export const test = base.extend<Fixtures>({
  newPerson: async ({ browser }, use) => {
    const contexts: BrowserContext[] = []
    await use(async () => {
      const context = await browser.newContext()
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
