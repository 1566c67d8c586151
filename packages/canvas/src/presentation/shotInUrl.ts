import { useEffect } from 'react'

/**
 * The shot on screen, kept in the page's URL as `#shot=<id>`: a reload, a review page opened
 * again after the server restarted, or a link someone copies opens on that shot instead of the
 * first. So is the grid, as `&view=grid` (the player, the default, leaves no trace). Replaced,
 * never pushed: Back leaves the presentation rather than stepping through shots.
 */
const PARAM = 'shot'
const VIEW_PARAM = 'view'
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

/** What Present shows: the animatic's player (one shot) or the grid of every shot. */
export type PresentationView = 'player' | 'grid'

/** The view the URL's hash names: the grid only when it says so, else the player. */
export function viewFromUrl(hash: string = location.hash): PresentationView {
  return new URLSearchParams(hash.replace(/^#/, '')).get(VIEW_PARAM) === 'grid' ? 'grid' : 'player'
}

/** The URL's hash naming `view`, keeping anything else the hash holds ('' when nothing is left). */
export function hashWithView(hash: string, view: PresentationView): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  if (view === 'grid') params.set(VIEW_PARAM, view)
  else params.delete(VIEW_PARAM)
  const rest = params.toString()
  return rest ? `#${rest}` : ''
}

/** Keeps the URL's hash on the view on screen, so a reload opens the grid again. */
export function useViewInUrl(view: PresentationView): void {
  useEffect(() => {
    const hash = hashWithView(location.hash, view)
    if (hash !== location.hash) history.replaceState(history.state, '', hash || location.pathname + location.search)
  }, [view])
}
