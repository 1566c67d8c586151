/** How many ids are kept per list (per board): the newest, once more are remembered. */
const MAX_REMEMBERED = 500

/**
 * A set of generation ids this browser keeps for one person across reloads (localStorage under
 * `key`, shared by its tabs), as the canvas keeps other per-person state. Storage that is full,
 * disabled or holds something else reads as empty and is not written: the set then lasts for
 * this page only.
 */
export function readRememberedIds(key: string): ReadonlySet<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [])
  } catch {
    return new Set()
  }
}

/** Writes `ids` (the newest {@link MAX_REMEMBERED}, in insertion order) under `key`. */
export function writeRememberedIds(key: string, ids: ReadonlySet<string>): void {
  try {
    localStorage.setItem(key, JSON.stringify([...ids].slice(-MAX_REMEMBERED)))
  } catch {
    // Storage full or disabled: kept for this page only.
  }
}
