import { beforeAll, vi } from 'vitest'
import type { TLStore } from 'tldraw'

/**
 * In a browser, store listeners fire once per animation frame with everything that changed in
 * it. Under NODE_ENV=test tldraw fires them synchronously instead; call this at the top of a test
 * file to restore frame batching with frames that never run on their own, and end a "frame"
 * explicitly with {@link endFrame}.
 */
export function batchStoreListenersByFrame(): void {
  beforeAll(() => {
    vi.stubGlobal('__FORCE_RAF_IN_TESTS__', true)
    vi.stubGlobal('requestAnimationFrame', () => 1)
    vi.stubGlobal('cancelAnimationFrame', () => {})
  })
}

/** Ends the store's current frame: its listeners get everything that changed since the last. */
export function endFrame(store: TLStore): void {
  store._flushHistory()
}
