import { useEffect, useRef, useState } from 'react'
import type { ShotMedia } from '@storyloom/shared/storyboard/shotShape'
import { openAnimatedImage } from './animatedImage'

/** A picture held ready off screen (`picture`, once loading: held here so it is not collected); `release` lets go of it. */
type Loader = { picture?: HTMLImageElement | HTMLVideoElement; release(): void }

/**
 * Starts downloading one picture off screen. An image is first opened as the stage opens it
 * (openAnimatedImage, which fetches it), and only then loaded and decoded into an `Image`: in
 * that order a still's copy in the page's image cache stays there for its cut, where the stage,
 * knowing it is a still, fetches it no more (a fetch of the address would drop that copy).
 */
function load(url: string, kind: ShotMedia['kind']): Loader {
  if (kind === 'video') {
    const video = document.createElement('video')
    video.muted = true
    video.preload = 'auto'
    video.src = url
    // Stops the download too.
    return { picture: video, release: () => (video.removeAttribute('src'), video.load()) }
  }
  const abort = new AbortController()
  const loader: Loader = { release: () => abort.abort() }
  void openAnimatedImage(url, abort.signal)
    .then((clip) => clip?.close(), () => {}) // unreachable or unreadable: the stage shows what it can when its shot comes on
    .then(() => {
      if (abort.signal.aborted) return
      const image = new Image()
      image.src = url
      image.decode().catch(() => {})
      loader.picture = image
    })
  return loader
}

/**
 * Keeps `media` downloaded and ready to show (see mediaToPreload): each picture is loaded off
 * screen once and held while it is in the list, so the stage's `<img>` of the same address is
 * complete the moment its shot comes on (from the browser's memory cache), not a download later.
 * When the service worker takes the page over (its first visit, once it has installed), they are
 * loaded again: Chromium no longer finds in that cache what the page loaded before it.
 */
export function usePreloadedMedia(media: readonly ShotMedia[], mediaUrl: (src: string) => string): void {
  const held = useRef(new Map<string, Loader>())
  const worker = useServiceWorkerChanges()
  const loadedUnder = useRef(worker)
  // By address and kind: a render with the same pictures (and a new mediaUrl function) changes nothing.
  const wanted = JSON.stringify(media.map((m) => [mediaUrl(m.src), m.kind]))
  useEffect(() => {
    const now = new Map(JSON.parse(wanted) as [string, ShotMedia['kind']][])
    const again = loadedUnder.current !== worker
    loadedUnder.current = worker
    for (const [url, loader] of held.current) {
      if (now.has(url) && !again) continue
      loader.release()
      held.current.delete(url)
    }
    for (const [url, kind] of now) if (!held.current.has(url)) held.current.set(url, load(url, kind))
  }, [wanted, worker])
  useEffect(() => {
    const loaders = held.current
    return () => {
      for (const loader of loaders.values()) loader.release()
      loaders.clear()
    }
  }, [])
}

/** How many times the service worker controlling the page has changed since it mounted. */
function useServiceWorkerChanges(): number {
  const [changes, setChanges] = useState(0)
  useEffect(() => {
    const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined // absent over plain http, and in some private windows
    if (!workers) return
    const changed = () => setChanges((n) => n + 1)
    workers.addEventListener('controllerchange', changed)
    return () => workers.removeEventListener('controllerchange', changed)
  }, [])
  return changes
}
