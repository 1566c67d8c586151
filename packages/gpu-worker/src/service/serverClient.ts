import { apiErrorBodySchema, ApiErrorCode } from '@storyloom/shared/api/errors'
import {
  workerAssetResponseSchema,
  workerClaimResponseSchema,
  workerHeartbeatResponseSchema,
  workerRecordedTakesResponseSchema,
  workerResultCommitResponseSchema,
  type WorkerAssetResponse,
  type WorkerClaimResponse,
  type WorkerHeartbeat,
  type WorkerHeartbeatResponse,
  type WorkerLeave,
  type WorkerRefusal,
  type WorkerRecordedTakesResponse,
  type WorkerResultCommit,
  type WorkerResultCommitResponse,
} from '@storyloom/shared/generation/workerApi'

/** The server answered a worker call with an error (its code and message, when it sent them). */
export class ServerCallError extends Error {
  override readonly name = 'ServerCallError'
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }

  /** 4xx other than 408/429: the same call will fail again. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429
  }
}

/** How long one call may take before it is abandoned (uploads of large clips included). */
const CALL_TIMEOUT_MS = 60_000

/**
 * The worker's side of the worker API (`shared/generation/workerApi.ts`): everything reaches the
 * server over HTTP with the worker token, so a worker can run on any machine.
 */
export class ServerClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Announces the worker; the answer says where the server's jobs wait (undefined from a server that does not say). */
  async heartbeat(heartbeat: WorkerHeartbeat): Promise<WorkerHeartbeatResponse | undefined> {
    const res = await this.#call('/api/worker/heartbeat', { method: 'POST', body: JSON.stringify(heartbeat), headers: { 'Content-Type': 'application/json' } })
    if (res.status === 204) return undefined
    return workerHeartbeatResponseSchema.parse(await res.json())
  }

  /** Tells the server why this worker stops at start (its own set-up), for the boards; gives up after `timeoutMs`. */
  async refusal(refusal: WorkerRefusal, timeoutMs: number): Promise<void> {
    await this.#call('/api/worker/refusal', { method: 'POST', body: JSON.stringify(refusal), headers: { 'Content-Type': 'application/json' } }, timeoutMs)
  }

  /** Tells the server this worker stops, so it no longer counts it; gives up after `timeoutMs`. */
  async leave(leave: WorkerLeave, timeoutMs: number): Promise<void> {
    await this.#call('/api/worker/leave', { method: 'POST', body: JSON.stringify(leave), headers: { 'Content-Type': 'application/json' } }, timeoutMs)
  }

  /**
   * Asks, on taking a job up, whether to run it: not when its board or shot went meanwhile (the
   * server cancels it, saying why). A server older than this call (404 without a generation
   * error) is taken as "run it", as before.
   */
  async claim(jobId: string): Promise<WorkerClaimResponse> {
    try {
      const res = await this.#call(`/api/worker/jobs/${encodeURIComponent(jobId)}/claim`, { method: 'POST' })
      return workerClaimResponseSchema.parse(await res.json())
    } catch (error) {
      if (error instanceof ServerCallError && error.status === 404 && error.code !== ApiErrorCode.generationNotFound) return { run: true }
      throw error
    }
  }

  /** The bytes of reference `index` of a job. */
  async reference(jobId: string, index: number): Promise<Uint8Array> {
    const res = await this.#call(`/api/worker/jobs/${encodeURIComponent(jobId)}/references/${index}`, { method: 'GET' })
    return new Uint8Array(await res.arrayBuffer())
  }

  async uploadAsset(jobId: string, bytes: Uint8Array, mediaType: 'image/png' | 'image/webp' | 'image/jpeg'): Promise<WorkerAssetResponse> {
    const res = await this.#call(`/api/worker/jobs/${encodeURIComponent(jobId)}/assets`, { method: 'POST', body: bytes, headers: { 'Content-Type': mediaType } })
    return workerAssetResponseSchema.parse(await res.json())
  }

  /** The job's takes the server already recorded (from an earlier attempt). */
  async recordedTakes(jobId: string): Promise<WorkerRecordedTakesResponse['results']> {
    const res = await this.#call(`/api/worker/jobs/${encodeURIComponent(jobId)}/results`, { method: 'GET' })
    return workerRecordedTakesResponseSchema.parse(await res.json()).results
  }

  async commitResult(jobId: string, commit: WorkerResultCommit): Promise<WorkerResultCommitResponse> {
    const res = await this.#call(`/api/worker/jobs/${encodeURIComponent(jobId)}/results`, { method: 'POST', body: JSON.stringify(commit), headers: { 'Content-Type': 'application/json' } })
    return workerResultCommitResponseSchema.parse(await res.json())
  }

  async #call(path: string, init: RequestInit & { headers?: Record<string, string> }, timeoutMs = CALL_TIMEOUT_MS): Promise<Response> {
    const url = new URL(path, this.baseUrl)
    let res: Response
    try {
      res = await fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${this.token}` }, signal: AbortSignal.timeout(timeoutMs) })
    } catch (cause) {
      throw new ServerCallError(`cannot reach the server at ${url.origin} (${unreachableReason(cause)})`, 0, undefined, { cause })
    }
    if (res.ok) return res
    const body = apiErrorBodySchema.safeParse(await res.json().catch(() => undefined))
    const detail = body.success ? body.data.error : undefined
    throw new ServerCallError(`${init.method ?? 'GET'} ${path} failed: ${detail?.message ?? `HTTP ${res.status}`}`, res.status, detail?.code)
  }
}

/** The server refuses this worker (a wrong token): 401, or 403. No call will succeed until it is fixed. */
export function isRefusal(error: ServerCallError): boolean {
  return error.status === 401 || error.status === 403
}

/** Why a fetch got no answer, in words: fetch itself only says "fetch failed" and keeps the reason in its cause. */
function unreachableReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${CALL_TIMEOUT_MS / 1000} s`
  const code = ((error as { cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code) as string | undefined
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'host name lookup failed',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'connection timed out',
  }
  return (code && reasons[code]) ?? code ?? (error as Error).message
}
