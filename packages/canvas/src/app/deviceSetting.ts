/**
 * A setting this person keeps on this device (localStorage under `key`), as stored: unchecked,
 * or null when unset or storage is blocked.
 */
export function readDeviceSetting(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null // storage blocked: the caller's default holds
  }
}

/** Keeps `value` under `key` on this device; where storage is full or blocked it holds for this visit only. */
export function keepDeviceSetting(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Kept in the page's state only.
  }
}

/** A yes/no setting kept on this device under `key` ('1' / '0'), or `unset` when there is none. */
export function readDeviceFlag(key: string, unset = false): boolean {
  const kept = readDeviceSetting(key)
  return kept === null ? unset : kept === '1'
}
