// Storyloom service worker (template: the build fills in BUILD_ID and PRECACHE; see
// serviceWorkerPlugin.ts). It keeps the app itself — HTML, scripts, styles, tldraw's icons and
// fonts — on the device, so a board can be reopened from its offline copy while the server is
// unreachable. Board data never passes through here: the doc lives in IndexedDB and syncs over
// the WebSocket, and /api responses are never cached.
const BUILD_ID = '__BUILD_ID__'
const PRECACHE = __PRECACHE__
const CACHE = `storyloom-${BUILD_ID}`
const SHELL = '/index.html'

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('storyloom-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) return

  if (request.mode === 'navigate') {
    // Network first, so a new version is picked up at once; the cached app when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone()
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(SHELL, copy)))
          }
          return response
        })
        .catch(() => caches.match(SHELL).then((cached) => cached ?? Response.error())),
    )
    return
  }

  // Built files are content-hashed and never change: cache first, and keep what was fetched
  // (e.g. the translation for the user's language).
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ??
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone()
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)))
          }
          return response
        }),
    ),
  )
})
