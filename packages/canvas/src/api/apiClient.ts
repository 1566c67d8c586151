import { hc, type ClientResponse } from 'hono/client'
import type { AppType } from '@storyloom/server/http/createApp'
import type { ApiErrorCode } from '@storyloom/shared/api/errors'
import { presentableMessage } from './presentableMessage'

/** Hono's client type for the whole app, named so declaration emit need not spell it out. */
type StoryloomClient = ReturnType<typeof hc<AppType>>

/** The typed client for the Storyloom API, on this page's own origin. */
export const api: StoryloomClient['api'] = hc<AppType>('/').api

/** Why a call failed: the API's error code, or that the server could not be reached or understood. */
export type ApiFailure = ApiErrorCode | 'unreachable' | 'bad_response'

/** A failed API call, with the server's message (never a stack; as a sentence to show) and a code to branch on. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ApiFailure,
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

type AnyClientResponse = ClientResponse<unknown, number, string>

/**
 * Awaits a request made with {@link api}: the successful response, typed by the server's
 * routes, or an {@link ApiError} carrying the server's `{ error: { code, message } }`.
 */
export async function succeed<R extends AnyClientResponse>(request: Promise<R>): Promise<Extract<R, { ok: true }>> {
  const response = await reach(request)
  if (!response.ok) throw await errorFrom(response)
  return response as Extract<R, { ok: true }>
}

/** Awaits a request; a network failure becomes an `unreachable` {@link ApiError} (an abort stays an abort). */
export async function reach<R>(request: Promise<R>): Promise<R> {
  try {
    return await request
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError('unreachable', 'Cannot reach the Storyloom server.', null, { cause })
  }
}

/** The {@link ApiError} for a non-2xx answer, from the API's error body when it has one. */
export async function errorFrom(response: Pick<AnyClientResponse, 'status' | 'json'>): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null)
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.code as ApiErrorCode, presentableMessage(error.message), response.status)
  }
  // Not an API error body: a proxy or gateway answered because the server itself did not.
  if (response.status >= 502 && response.status <= 504) {
    return new ApiError('unreachable', 'Cannot reach the Storyloom server.', response.status)
  }
  return new ApiError('bad_response', `The server answered with status ${response.status}.`, response.status)
}
