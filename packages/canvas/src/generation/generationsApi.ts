import {
  createGenerationsResponseSchema,
  generationListResponseSchema,
  generationUrl,
  generationViewSchema,
  IDEMPOTENCY_KEY_HEADER,
  USER_ID_HEADER,
  USER_NAME_HEADER,
  modelListResponseSchema,
  type CreateGenerationsRequest,
  type GenerationView,
  type ModelListResponse,
} from '@storyloom/shared/generation/api'
import { getUserPreferences } from 'tldraw'
import { ApiError, errorFrom, reach } from '../api/apiClient'
import { givenName } from '../user/givenName'

/**
 * The generations API (docs/generation-api.md). Plain `fetch` with every answer parsed by the
 * shared schemas: these routes come from the gen-backend branch, and parsing here keeps a
 * server of another version from feeding the canvas shapes it cannot draw.
 */

/** A shared zod schema, seen only through what this file needs (the canvas has no zod of its own). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false }
}

async function call<T>(schema: Schema<T>, path: string, init: RequestInit = {}): Promise<T> {
  const headers = { accept: 'application/json', ...identityHeaders(), ...init.headers }
  const response = await reach(fetch(path, { ...init, headers }))
  if (!response.ok) throw await errorFrom(response)
  const parsed = schema.safeParse(await response.json().catch(() => null))
  if (!parsed.success) throw new ApiError('bad_response', 'The server sent an answer this version of Storyloom does not understand.', response.status)
  return parsed.data
}

/**
 * This browser's person (tldraw's local user id, and the name they gave — never the "Guest Fox"
 * made up for their cursor): what the server shows as "who started it" and counts caps by in
 * local mode. A signed-in account overrides it server-side.
 */
export function identityHeaders(): Record<string, string> {
  const { id, name } = getUserPreferences()
  const given = givenName(name)
  return { [USER_ID_HEADER]: id, ...(given ? { [USER_NAME_HEADER]: encodeURIComponent(given) } : {}) }
}

/** The models live workers can run, and how many workers there are. */
export function fetchModels(signal?: AbortSignal): Promise<ModelListResponse> {
  return call(modelListResponseSchema, '/api/models', { signal })
}

/** Every generation of the board, oldest first. */
export async function fetchGenerations(boardId: string, signal?: AbortSignal): Promise<GenerationView[]> {
  return (await call(generationListResponseSchema, `/api/boards/${encodeURIComponent(boardId)}/generations`, { signal })).generations
}

/**
 * Starts generations. `idempotencyKey` makes a retry of the same submit safe: the server
 * answers with the generations the first try made.
 */
export async function createGenerations(boardId: string, body: CreateGenerationsRequest, idempotencyKey: string): Promise<GenerationView[]> {
  const response = await call(createGenerationsResponseSchema, `/api/boards/${encodeURIComponent(boardId)}/generations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    body: JSON.stringify(body),
  })
  return response.generations
}

/** Cancels a generation; it stops between two steps. */
export function cancelGeneration(boardId: string, generationId: string): Promise<GenerationView> {
  return call(generationViewSchema, `${generationUrl(encodeURIComponent(boardId), generationId)}/cancel`, { method: 'POST' })
}
