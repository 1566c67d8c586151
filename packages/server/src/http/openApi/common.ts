import { z } from 'zod'
import { ApiErrorCode, ApiErrorStatus, apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { responseRef, schemaRef } from './components'

/** One OpenAPI operation, path item or parameter: plain JSON, checked by the validator in the tests. */
export type Operation = Record<string, unknown>
export type PathItems = Record<string, Partial<Record<'get' | 'post' | 'patch' | 'put' | 'delete', Operation>>>

/** A JSON body described by one of the zod schemas the routes validate with (`input`: a request, as sent). */
export function json(schema: z.ZodType, io: 'input' | 'output' = 'output') {
  return { 'application/json': { schema: schemaRef(schema, io) } }
}

/** A 2xx response with a JSON body. */
export function ok(description: string, schema: z.ZodType) {
  return { description, content: json(schema) }
}

/**
 * The error responses a route can give, by the codes it uses: grouped by their status
 * (ApiErrorStatus), each response's `code` limited to the codes sent with that status.
 */
export function errors(...codes: ApiErrorCode[]): Record<string, Operation> {
  const byStatus = new Map<number, ApiErrorCode[]>()
  for (const code of new Set(codes)) {
    const status = ApiErrorStatus[code]
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  const responses: Record<string, Operation> = {}
  for (const [status, sent] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = responseRef(sent.join('.'), () => {
      // The shared error body, its `code` narrowed to the codes this status is sent with.
      const schema = { allOf: [schemaRef(apiErrorBodySchema, 'output'), { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: sent } } } } }] }
      return { description: sent.map((code) => `\`${code}\``).join(', '), content: { 'application/json': { schema } } }
    })
  }
  return responses
}

/** A path parameter, typed by the schema its route validates it with. */
export function pathParam(name: string, schema: z.ZodType = z.string()) {
  return { name, in: 'path', required: true, schema: schemaRef(schema, 'input') }
}

/** A query schema's fields as query parameters (as the route's validator reads them). */
export function queryParams(schema: z.ZodType) {
  return Object.entries(z.toJSONSchema(schema, { io: 'input' }).properties ?? {}).map(([name, property]) => ({ name, in: 'query', schema: property }))
}

/** Every request body the API reads as JSON is at most 16 KB, sent as `application/json`. */
export const JSON_BODY_ERRORS = [ApiErrorCode.invalidRequest, ApiErrorCode.payloadTooLarge, ApiErrorCode.crossOrigin] as const
/** What the board access check (mounted on every /api/boards/:boardId route) can answer. */
export const BOARD_ACCESS_ERRORS = [ApiErrorCode.invalidRequest, ApiErrorCode.notSignedIn, ApiErrorCode.boardForbidden, ApiErrorCode.roleRequired, ApiErrorCode.boardNotFound] as const
