import { useCallback, useState, type CSSProperties } from 'react'
import { ApiErrorCode } from '@storyloom/shared/api/errors'

/**
 * Addresses the server refused as an unreadable take (422 `take_unreadable`: a file it found
 * damaged or oversized). Asset addresses name their content, so one refused stays refused: every
 * other view of the same picture shows the mark at once, without asking for the file again.
 */
const refused = new Set<string>()

/**
 * Whether the server refuses the picture at `url` as an unreadable take; asked only after the
 * picture failed to load. The answer to a file it serves is its first byte alone (a range), never
 * the file; an address of another site is not asked (nothing it says is ours to trust).
 */
export async function refusedAsUnreadable(url: string): Promise<boolean> {
  if (refused.has(url)) return true
  if (new URL(url, location.href).origin !== location.origin) return false
  let response: Response
  try {
    response = await fetch(url, { headers: { Range: 'bytes=0-0' } })
  } catch {
    return false // unreachable: the picture failed for that, not for its file
  }
  if (response.ok) {
    await response.body?.cancel()
    return false
  }
  // The API's error body, `{ error: { code, message } }`; anything else (a proxy's page) is not a refusal.
  const body: unknown = await response.json().catch(() => null)
  if ((body as { error?: { code?: unknown } } | null)?.error?.code !== ApiErrorCode.takeUnreadable) return false
  refused.add(url)
  return true
}

/** What an `<img>` or `<video>` of a take's file gets from {@link useTakePicture}. */
export type TakePictureProps = {
  onError(): void
  style?: CSSProperties
  'data-pictures-pending'?: ''
}

/**
 * For an `<img>` or `<video>` of a take's file at `url`: its error asks the server why it failed
 * (refusedAsUnreadable), and `unreadable` becomes true when it refused the file, for the caller to
 * show a mark instead of the browser's broken picture; `failed` when it failed otherwise (missing,
 * or the server unreachable), for a small thumbnail to mark too. While it asks, `pictureProps`
 * hide the element and hold a print (PICTURES_PENDING_ATTRIBUTE) until the mark is there.
 */
export function useTakePicture(url: string | undefined): { unreadable: boolean; failed: boolean; pictureProps(style?: CSSProperties): TakePictureProps } {
  // Keyed by address: another take on the shot starts afresh.
  const [asked, setAsked] = useState<{ url: string; state: 'checking' | 'unreadable' | 'other' } | null>(null)
  const known = url !== undefined && refused.has(url)
  const state = known ? 'unreadable' : asked !== null && asked.url === url ? asked.state : null
  const onError = useCallback(() => {
    if (url === undefined || asked?.url === url) return
    setAsked({ url, state: 'checking' })
    void refusedAsUnreadable(url).then((unreadable) => setAsked((now) => (now?.url === url ? { url, state: unreadable ? 'unreadable' : 'other' } : now)))
  }, [url, asked])
  return {
    unreadable: state === 'unreadable',
    failed: state === 'other',
    pictureProps: (style) =>
      state === 'checking' ? { onError, style: { ...style, visibility: 'hidden' }, 'data-pictures-pending': '' } : { onError, ...(style ? { style } : {}) },
  }
}
