import { useCallback, useSyncExternalStore, type RefObject } from 'react'

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange)
  return () => document.removeEventListener('fullscreenchange', onChange)
}

/**
 * Full screen for `root`: whether the browser offers it at all (Safari on an iPhone does not,
 * for anything but a video), whether it is on, and a toggle (also for the F key).
 */
export function useFullscreen(root: RefObject<HTMLElement | null>): { available: boolean; active: boolean; toggle(): void } {
  const active = useSyncExternalStore(subscribe, () => document.fullscreenElement !== null)
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen()
    else void root.current?.requestFullscreen?.().catch(() => {})
  }, [root])
  return { available: document.fullscreenEnabled === true, active, toggle }
}
