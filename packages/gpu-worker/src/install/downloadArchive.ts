import { createWriteStream } from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { ModelInstallError } from '../errors'

/** Limits of {@link downloadArchive}. */
export type DownloadLimits = {
  /** Largest download accepted, in bytes. */
  maxBytes: number
  /** Give up when the server sends nothing for this long (connecting included). */
  idleTimeoutMs: number
}

/** A URL as it may be printed: without credentials or query (presigned URLs carry tokens there). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`
}

/**
 * Streams an http(s) URL to `file`, refusing anything over `maxBytes` (from Content-Length
 * when the server sends it, else as soon as the stream passes the limit). Throws
 * {@link ModelInstallError} for an unreachable host, a non-2xx answer, a web page instead of a
 * file (a login or download page: said as such, with its status and content type, not left for
 * the archive reader to call a checksum failure), a stalled or oversized download; the partial
 * file is the caller's to remove.
 */
export async function downloadArchive(url: URL, file: string, limits: DownloadLimits): Promise<number> {
  const shown = displayUrl(url)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ModelInstallError(`${shown}: only http and https URLs can be installed`)
  const abort = new AbortController()
  let idle: NodeJS.Timeout | undefined
  const touch = () => {
    clearTimeout(idle)
    idle = setTimeout(() => abort.abort(new Error(`nothing received for ${Math.round(limits.idleTimeoutMs / 1000)} s`)), limits.idleTimeoutMs)
  }
  touch()
  try {
    let response: Response
    try {
      response = await fetch(url, { signal: abort.signal, redirect: 'follow' })
    } catch (error) {
      throw new ModelInstallError(`could not reach ${shown}: ${describeFetchError(error, abort.signal)}`, { cause: error })
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined)
      throw new ModelInstallError(`${shown} answered ${response.status} ${response.statusText || ''}`.trimEnd())
    }
    const contentType = response.headers.get('content-type') ?? ''
    /** Refuses the answer as a web page, saying what came back and from where (after redirects). */
    const webPage = () => {
      const landed = response.url && displayUrl(new URL(response.url)) !== shown ? `, from ${displayUrl(new URL(response.url))}` : ''
      const answered = [`${response.status} ${response.statusText}`.trimEnd(), contentType || 'no content type'].join(', ')
      return new ModelInstallError(
        `${shown} answered an HTML page, not a model archive (${answered}${landed}): a sign-in or download page? Use the file's direct download link (a signed or token URL for a private one)`,
      )
    }
    if (/^\s*(text\/html|application\/xhtml\+xml)\b/iu.test(contentType)) {
      await response.body.cancel().catch(() => undefined)
      throw webPage()
    }
    const declared = Number(response.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await response.body.cancel().catch(() => undefined)
      throw new ModelInstallError(`${shown} is ${formatBytes(declared)}, over the ${formatBytes(limits.maxBytes)} limit`)
    }
    let received = 0
    const limiter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        touch()
        // A page sent as a file (application/octet-stream): its first bytes give it away.
        if (received === 0 && looksLikeHtml(chunk)) return done(webPage())
        received += chunk.length
        if (received > limits.maxBytes) done(new ModelInstallError(`${shown} is over the ${formatBytes(limits.maxBytes)} limit`))
        else done(null, chunk)
      },
    })
    try {
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), limiter, createWriteStream(file))
    } catch (error) {
      if (error instanceof ModelInstallError) throw error
      throw new ModelInstallError(`downloading ${shown} failed: ${describeFetchError(error, abort.signal)}`, { cause: error })
    }
    return received
  } finally {
    clearTimeout(idle)
  }
}

/** Whether `start` (a download's first bytes) opens an HTML or XML document: no archive does (gzip starts 1f 8b, a tar with a file name). */
function looksLikeHtml(start: Buffer): boolean {
  return /^\s*<(!doctype\s+html|html|head|body|\?xml)\b/iu.test(start.subarray(0, 256).toString('latin1'))
}

function describeFetchError(error: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof Error) return signal.reason.message
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error as Error).message
}

/** Bytes as people read them (MB/GB, powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${Math.round(bytes / 1024)} kB`
}
