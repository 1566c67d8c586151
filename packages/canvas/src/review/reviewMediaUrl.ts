import { assetUrl } from '@storyloom/shared/api/assets'

/**
 * A shot's media URL as a review link's holder can load it: the board's own asset URLs are
 * reachable only by members, so they go through the link's asset route; other http(s) URLs are
 * left as they are.
 */
export function reviewMediaUrl(src: string, boardId: string, token: string): string {
  const prefix = assetUrl(boardId, '')
  if (!src.startsWith(prefix)) return src
  return `/api/review/${token}/assets/${src.slice(prefix.length)}`
}
