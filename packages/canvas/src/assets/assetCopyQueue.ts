import { MAX_ASSET_COPY_URLS, type AssetCopyRefusal, type AssetCopyResponse } from '@storyloom/shared/api/assetCopies'
import { ApiError } from '../api/apiClient'

/** What became of a round of copies, for the person who pasted. */
export type AssetCopyOutcome =
  | { kind: 'copied'; copies: ReadonlyMap<string, string> }
  | { kind: 'refused'; urls: readonly string[]; code: AssetCopyRefusal }
  /** The server could not be reached: the URLs wait and are asked for again on {@link AssetCopyQueue.retry}. */
  | { kind: 'waiting'; urls: readonly string[] }
  /** The server refused the request itself (the board is gone, or no longer editable by this person). */
  | { kind: 'failed'; urls: readonly string[]; message: string }

/**
 * The other boards' asset URLs a board still has to copy as its own, asked for in batches of at
 * most {@link MAX_ASSET_COPY_URLS}, one request at a time. Remembers every answer for the session,
 * so a URL coming back (redo, pasting again) is rewritten at once without asking again, and a
 * refused one is not asked for again.
 */
export class AssetCopyQueue {
  /** Another board's URL → this board's. */
  readonly copies = new Map<string, string>()
  readonly #settled = new Set<string>()
  readonly #pending = new Set<string>()
  #running = false

  constructor(
    private readonly copy: (urls: readonly string[]) => Promise<AssetCopyResponse>,
    private readonly report: (outcome: AssetCopyOutcome) => void,
  ) {}

  /** Queues `urls` not asked for yet (nor already answered). */
  add(urls: Iterable<string>): void {
    for (const url of urls) if (!this.copies.has(url) && !this.#settled.has(url)) this.#pending.add(url)
  }

  /** Whether URLs wait to be copied (queued, or waiting for the server to be reachable). */
  get waiting(): boolean {
    return this.#pending.size > 0
  }

  /** Asks the server for every queued URL; resolves once it answered or could not be reached. */
  async flush(): Promise<void> {
    if (this.#running) return
    this.#running = true
    try {
      while (this.#pending.size > 0) {
        const batch = [...this.#pending].slice(0, MAX_ASSET_COPY_URLS)
        let answer: AssetCopyResponse
        try {
          answer = await this.copy(batch)
        } catch (error) {
          if (error instanceof ApiError && error.code !== 'unreachable' && error.code !== 'internal' && error.code !== 'bad_response') {
            for (const url of batch) this.#settle(url)
            this.report({ kind: 'failed', urls: batch, message: error.message })
            continue
          }
          // Offline or the server is down: keep them queued for `retry`.
          this.report({ kind: 'waiting', urls: [...this.#pending] })
          return
        }
        const copied = new Map<string, string>()
        for (const { from, url } of answer.copies) {
          this.copies.set(from, url)
          copied.set(from, url)
          this.#pending.delete(from)
        }
        const refusals = new Map<AssetCopyRefusal, string[]>()
        for (const { from, code } of answer.refused) {
          this.#settle(from)
          refusals.set(code, [...(refusals.get(code) ?? []), from])
        }
        // A URL the answer does not mention (it should not happen) is not asked for forever.
        for (const url of batch) if (this.#pending.has(url)) this.#settle(url)
        if (copied.size > 0) this.report({ kind: 'copied', copies: copied })
        for (const [code, urls] of refusals) this.report({ kind: 'refused', urls, code })
      }
    } finally {
      this.#running = false
    }
  }

  /** Asks again for what waits (the connection is back). */
  retry(): Promise<void> {
    return this.flush()
  }

  #settle(url: string): void {
    this.#pending.delete(url)
    this.#settled.add(url)
  }
}
