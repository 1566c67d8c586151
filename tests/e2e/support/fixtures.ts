import { test as base, type BrowserContext, type Page } from '@playwright/test'

type Fixtures = {
  /**
   * A page in a browser context of its own: another person, on another device (own storage,
   * own IndexedDB copy, own tldraw user). Closed after the test.
   */
  newPerson(): Promise<Page>
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
})

export { expect } from '@playwright/test'
