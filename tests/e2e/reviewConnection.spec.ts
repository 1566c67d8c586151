import type { Page } from '@playwright/test'
import { createBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'

// A client on a phone held sideways: the review page says "Offline" only when it is — the browser
// says so, or the server has stayed out of reach — not when a socket closes and reopens at once.

/** A phone held sideways (an iPhone 13's 844 × 390 less Safari's bars), a finger on glass. */
const SIDEWAYS = { viewport: { width: 664, height: 390 }, screen: { width: 844, height: 390 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

/** A board and the path of a review link to it. */
async function reviewLink(serverUrl: string): Promise<string> {
  const boardId = await createBoard(serverUrl, 'Lumen Coffee — 30s spot')
  const created = await fetch(`${serverUrl}/api/boards/${boardId}/share-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Sarah', expiresAt: null, passcode: null }),
  })
  expect(created.status).toBe(201)
  return ((await created.json()) as { path: string }).path
}

/** Whether a y-websocket message is the server's sync step 2 (the board sent in answer to the client's step 1). */
function isSyncStep2(payload: string | Buffer): boolean {
  return typeof payload !== 'string' && payload[0] === 0 && payload[1] === 1
}

/** Counts the page's sync sockets and how many of them the server has sent the board to. */
function watchSyncSockets(page: Page): { opened: number; synced: number } {
  const seen = { opened: 0, synced: 0 }
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/sync/')) return
    seen.opened++
    ws.on('framereceived', ({ payload }) => {
      if (isSyncStep2(payload)) seen.synced++
    })
  })
  return seen
}

/** Keeps, in the page, every text the connection notice showed (it may come and go between two looks). */
async function recordNotices(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: string[] = ((window as unknown as { noticesShown: string[] }).noticesShown = [])
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="presentation-connection"]')?.textContent
      if (text && shown.at(-1) !== text) shown.push(text)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
}

const noticesShown = (page: Page) => page.evaluate(() => (window as unknown as { noticesShown: string[] }).noticesShown)

// A fixed port: after the restart the page is on the same origin and reconnects.
test.use({ serverOptions: { fixedPort: true } })

test('held sideways, a review page whose socket closes and reopens at once never says “Offline”; a server out of reach for a while, or the browser offline, does', async ({ newPerson, server }) => {
  const path = await reviewLink(server.url)
  const phone = await newPerson(SIDEWAYS)
  await recordNotices(phone)
  const sockets = watchSyncSockets(phone)
  // The page's clock is the test's: a phone's timers can bunch up (a tab in the background, a
  // locked screen), and y-websocket then finds its socket quiet for over 30 s.
  await phone.clock.install()
  await phone.goto(server.url + path)
  await expect(phone.locator('.presentation__header')).toBeVisible({ timeout: 45_000 }) // a first load on a busy machine
  await expect.poll(() => sockets.synced).toBe(1)
  const notice = phone.getByTestId('presentation-connection')
  await expect(notice).toHaveCount(0)

  // Turned upright and back: still connected, nothing to say.
  await phone.setViewportSize({ width: 390, height: 664 })
  await phone.setViewportSize(SIDEWAYS.viewport)
  await expect(notice).toHaveCount(0)

  // Half a minute on at once: y-websocket takes a socket that received nothing for 30 s as dead
  // (the server's heartbeat comes every 10 s of the server's time), closes it and opens another, which gets the board again. The page never said "Offline" meanwhile.
  await phone.clock.fastForward(31_000)
  await expect.poll(() => sockets.synced).toBe(2)
  expect(sockets.opened).toBe(2)
  await expect(notice).toHaveCount(0)
  expect(await noticesShown(phone)).toEqual([])

  // The server stopped: after a moment the page says so. Back (with a new review copy of the
  // board, so the review opens again), it says nothing.
  await server.stop()
  await expect(notice).toHaveText('Offline — showing the board as it was; reconnecting…')
  await server.restart()
  await expect.poll(() => sockets.synced, { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
  await expect(phone.locator('.presentation__header')).toBeVisible()
  await expect(notice).toHaveCount(0)

  // The browser saying it is offline is believed at once.
  await phone.context().setOffline(true)
  await expect(notice).toHaveText('Offline — showing the board as it was; reconnecting…')
  await phone.context().setOffline(false)
  await expect(notice).toHaveCount(0)
})
