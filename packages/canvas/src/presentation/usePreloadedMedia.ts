import { useEffect, useRef } from 'react'
import type { ShotMedia } from '@storyloom/shared/storyboard/shotShape'

type Loader = HTMLImageElement | HTMLVideoElement

/** Starts downloading (and, for an image, decoding) one picture, off screen. */
function load(url: string, kind: ShotMedia['kind']): Loader {
  if (kind === 'video') {
    const video = document.createElement('video')
    video.muted = true
    video.preload = 'auto'
    video.src = url
    return video
  }
  const image = new Image()
  image.src = url
  image.decode().catch(() => {}) // unreachable or unreadable: the stage shows what it can when its shot comes on
  return image
}

/** Lets go of a picture no longer near; a video also stops downloading. */
function release(loader: Loader): void {
  if (!(loader instanceof HTMLVideoElement)) return
  loader.removeAttribute('src')
  loader.load()
}

/**
 * Keeps `media` downloaded and ready to show (see mediaToPreload): each picture is loaded off
 * screen once and held while it is in the list, so the stage's `<img>` of the same address is
 * complete the moment its shot comes on (from the browser's memory cache), not a download later.
 */
export function usePreloadedMedia(media: readonly ShotMedia[], mediaUrl: (src: string) => string): void {
  const held = useRef(new Map<string, Loader>())
  // By address and kind: a render with the same pictures (and a new mediaUrl function) changes nothing.
  const wanted = JSON.stringify(media.map((m) => [mediaUrl(m.src), m.kind]))
  useEffect(() => {
    const now = new Map(JSON.parse(wanted) as [string, ShotMedia['kind']][])
    for (const [url, loader] of held.current) {
      if (now.has(url)) continue
      release(loader)
      held.current.delete(url)
    }
    for (const [url, kind] of now) if (!held.current.has(url)) held.current.set(url, load(url, kind))
  }, [wanted])
  useEffect(() => {
    const loaders = held.current
    return () => {
      for (const loader of loaders.values()) release(loader)
      loaders.clear()
    }
  }, [])
}
