/** How many ids are kept per list (per board): the newest, once more are remembered. */
const MAX_REMEMBERED = 500

/**
 * A set of generation ids this browser keeps for one person across reloads (localStorage under
 * `key`, shared by its tabs: {@link addRememberedIds} keeps what the others wrote, and
 * {@link watchRememberedIds} tells a tab what they write), as the canvas keeps other per-person
 * state. Storage that is full, disabled or holds something else reads as empty and is not
 * written: the set then lasts for this page only.
 */
export function readRememberedIds(key: string): ReadonlySet<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [])
  } catch {
    return new Set()
  }
}

/**
 * Adds `ids` to what is kept under `key` and returns the whole set: what this page holds
 * (`current`, also what storage could not keep), what is stored (another tab may have written
 * since this one read: its ids stay) and `ids`.
 */
export function addRememberedIds(key: string, current: ReadonlySet<string>, ids: Iterable<string>): ReadonlySet<string> {
  const next = new Set([...readRememberedIds(key), ...current, ...ids])
  writeRememberedIds(key, next)
  return next
}

/**
 * Calls `onAdded` with the set another tab of this browser just wrote under `key` (the
 * `storage` event, which browsers send to the other tabs only); returns the unsubscribe.
 */
export function watchRememberedIds(key: string, onAdded: (stored: ReadonlySet<string>) => void): () => void {
  if (typeof window === 'undefined') return () => {}
  const onStorage = (event: Event) => {
    if ((event as StorageEvent).key === key) onAdded(readRememberedIds(key))
  }
  window.addEventListener('storage', onStorage)
  return () => window.removeEventListener('storage', onStorage)
}

/** Writes `ids` (the newest {@link MAX_REMEMBERED}, in insertion order) under `key`. */
function writeRememberedIds(key: string, ids: ReadonlySet<string>): void {
  try {
    localStorage.setItem(key, JSON.stringify([...ids].slice(-MAX_REMEMBERED)))
  } catch {
    // Storage full or disabled: kept for this page only.
  }
}
