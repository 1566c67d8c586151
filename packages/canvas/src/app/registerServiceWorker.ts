/**
 * Registers the service worker that keeps the app itself available offline, so a board can be
 * reopened from this device's copy while the server is unreachable. Production builds only: in
 * development Vite serves modules that must not be cached.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('[storyloom] offline support unavailable: service worker not registered', error)
    })
  })
}
