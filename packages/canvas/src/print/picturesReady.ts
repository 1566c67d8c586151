/** Marks an element whose pictures are not on the page yet at all (the sketch editor still opening). */
export const PICTURES_PENDING_ATTRIBUTE = 'data-pictures-pending'

/**
 * How many pictures in `root` are still on their way: images and clips loading (one that failed
 * is not waited for), sketches not drawn yet (ShotSketch shows an empty box until it is), and
 * any element marked {@link PICTURES_PENDING_ATTRIBUTE}.
 */
export function pendingPictures(root: Element): number {
  let pending = root.matches(`[${PICTURES_PENDING_ATTRIBUTE}]`) ? 1 : root.querySelectorAll(`[${PICTURES_PENDING_ATTRIBUTE}]`).length
  for (const image of root.querySelectorAll('img')) if (!image.complete) pending++
  for (const clip of root.querySelectorAll('video')) if (clip.readyState < HTMLMediaElement.HAVE_CURRENT_DATA && !clip.error) pending++
  pending += root.querySelectorAll('.shot-sketch:not(:has(img))').length
  return pending
}

/**
 * Resolves once every picture in `root` is there (see {@link pendingPictures}) and each image is
 * decoded, so a print started then has them all; checked again whenever `root` changes or one
 * of its pictures loads or fails. `onPending` hears the count as it falls. Rejects if `signal` aborts.
 */
export function whenPicturesReady(root: HTMLElement, signal: AbortSignal, onPending?: (count: number) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // load / error / loadeddata do not bubble: they are caught on their way down.
    const events = ['load', 'error', 'loadeddata'] as const
    const observer = new MutationObserver(() => check())
    const stop = () => {
      observer.disconnect()
      for (const type of events) root.removeEventListener(type, check, true)
      signal.removeEventListener('abort', abort)
    }
    const abort = () => {
      stop()
      reject(signal.reason)
    }
    function check() {
      const pending = pendingPictures(root)
      onPending?.(pending)
      if (pending > 0) return
      stop()
      // A loaded image may still be decoding; a failed decode is not worth holding the print for.
      void Promise.all(Array.from(root.querySelectorAll('img'), (image) => image.decode().catch(() => {}))).then(() => resolve())
    }
    if (signal.aborted) return reject(signal.reason)
    signal.addEventListener('abort', abort)
    observer.observe(root, { subtree: true, childList: true, attributes: true })
    for (const type of events) root.addEventListener(type, check, true)
    check()
  })
}
