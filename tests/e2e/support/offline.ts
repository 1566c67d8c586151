import { expect, type Page } from '@playwright/test'

/**
 * Waits until the app's service worker is active, i.e. the app itself (HTML, scripts, tldraw's
 * fonts and icons) is cached on the device and a reload works without the server.
 */
export async function expectAppCachedForOffline(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), {
      message: 'the service worker should be installed and active',
    })
    .toBe('activated')
}

/**
 * Waits until a record (e.g. a shape drawn offline) is in this device's copy of the board: the
 * y-indexeddb database the canvas keeps per board (`localCopyName` in packages/canvas). Its
 * updates are binary Yjs, in which a record's id appears as plain text.
 */
export async function expectKeptOnDevice(page: Page, boardId: string, recordId: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          ({ database, id }) =>
            new Promise<boolean>((resolve, reject) => {
              const open = indexedDB.open(database)
              open.onerror = () => reject(open.error)
              open.onsuccess = () => {
                const db = open.result
                const read = db.transaction('updates', 'readonly').objectStore('updates').getAll()
                read.onerror = () => reject(read.error)
                read.onsuccess = () => {
                  db.close()
                  const text = (read.result as Uint8Array[]).map((u) => new TextDecoder().decode(u)).join('')
                  resolve(text.includes(id))
                }
              }
            }),
          { database: `storyloom:board:${boardId}`, id: recordId },
        ),
      { message: `${recordId} should be saved in this device's copy of the board` },
    )
    .toBe(true)
}
