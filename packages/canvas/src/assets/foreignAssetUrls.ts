import { parseBoardAssetUrl } from '@storyloom/shared/api/assets'

const BOARD_URL_PREFIX = '/api/boards/'

/**
 * Adds to `into` every asset URL of a board other than `boardId` found in `value` (any depth: a
 * shot's `media.src`, an image asset's `src`, whatever a pasted record carries).
 */
export function collectForeignAssetUrls(value: unknown, boardId: string, into: Set<string>): void {
  if (typeof value === 'string') {
    // Most strings are text or a stroke's points, checked on every change: skip them cheaply.
    if (!value.startsWith(BOARD_URL_PREFIX)) return
    const asset = parseBoardAssetUrl(value)
    if (asset && asset.boardId !== boardId) into.add(value)
  } else if (Array.isArray(value)) {
    for (const item of value) collectForeignAssetUrls(item, boardId, into)
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectForeignAssetUrls(item, boardId, into)
  }
}

/**
 * `value` with every string that is a key of `replacements` replaced by its value: a new value
 * where something changed, the very same one where nothing did (so callers can skip the write).
 */
export function replaceAssetUrls<T>(value: T, replacements: ReadonlyMap<string, string>): T {
  if (replacements.size === 0) return value
  return replaced(value, replacements) as T
}

function replaced(value: unknown, replacements: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return replacements.get(value) ?? value
  if (Array.isArray(value)) {
    const items = value.map((item) => replaced(item, replacements))
    return items.some((item, i) => item !== value[i]) ? items : value
  }
  if (value !== null && typeof value === 'object') {
    let changed = false
    const entries = Object.entries(value).map(([key, item]) => {
      const next = replaced(item, replacements)
      if (next !== item) changed = true
      return [key, next] as const
    })
    return changed ? Object.fromEntries(entries) : value
  }
  return value
}
