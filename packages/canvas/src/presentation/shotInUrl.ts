import { useEffect } from 'react'

/**
 * The shot on screen, kept in the page's URL as `#shot=<id>`: a reload, a review page opened
 * again after the server restarted, or a link someone copies opens on that shot instead of the
 * first. Replaced, never pushed: Back leaves the presentation rather than stepping through shots.
 */
const PARAM = 'shot'
const SHAPE_PREFIX = 'shape:'

/** The shot id the URL's hash names (`#shot=abc` → `shape:abc`), or null. */
export function shotIdFromUrl(hash: string = location.hash): string | null {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get(PARAM)
  return id ? SHAPE_PREFIX + id : null
}

/** The URL's hash naming `shotId`, keeping anything else the hash holds. */
export function hashWithShot(hash: string, shotId: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  params.set(PARAM, shotId.startsWith(SHAPE_PREFIX) ? shotId.slice(SHAPE_PREFIX.length) : shotId)
  return `#${params.toString()}`
}

/** Keeps the URL's hash on the shot on screen (none yet: the URL is left as it is). */
export function useShotInUrl(shotId: string | undefined): void {
  useEffect(() => {
    if (!shotId) return
    const hash = hashWithShot(location.hash, shotId)
    if (hash !== location.hash) history.replaceState(history.state, '', hash)
  }, [shotId])
}
