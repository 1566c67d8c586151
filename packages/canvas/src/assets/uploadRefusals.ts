import type { TLUiToast } from 'tldraw'

/** How long a refusal waits for its toast: tldraw adds it as soon as the upload rejects. */
const REFUSAL_TTL_MS = 10_000

/**
 * Why the server refused this page's recent board uploads (a file type it does not take, a file
 * too large…), oldest first. The asset store records each refusal before tldraw's generic
 * "Upload failed" toast for it appears; {@link explainUploadFailures} then gives that toast the reason.
 */
export class UploadRefusals {
  #reasons: { message: string; at: number }[] = []

  record(message: string, now = Date.now()): void {
    this.#reasons.push({ message, at: now })
  }

  /** The oldest refusal not yet told, if one came in the last few seconds. */
  take(now = Date.now()): string | undefined {
    this.#reasons = this.#reasons.filter((r) => now - r.at <= REFUSAL_TTL_MS)
    return this.#reasons.shift()?.message
  }
}

/**
 * `toasts` with each of tldraw's bare upload-failed toasts (`failedTitle`, no description) given
 * the server's reason for it, or `undefined` when none changes. A failure with no recorded refusal
 * (the browser could not read the file itself) gets `unreadable` instead.
 */
export function explainUploadFailures(toasts: readonly TLUiToast[], failedTitle: string, refusals: UploadRefusals, unreadable: string): TLUiToast[] | undefined {
  if (!toasts.some((t) => t.title === failedTitle && t.description === undefined)) return undefined
  return toasts.map((t) => (t.title === failedTitle && t.description === undefined ? { ...t, description: refusals.take() ?? unreadable } : t))
}
