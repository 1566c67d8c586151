import { z } from 'zod'

/**
 * Error codes of the HTTP API. Every error response has the body `{ error: { code, message } }`
 * (see docs/http-api.md); `message` is a sentence for people, `code` is what clients branch on.
 */
export const ApiErrorCode = {
  /** The path, query, headers or body failed validation. */
  invalidRequest: 'invalid_request',
  /** No such route. */
  notFound: 'not_found',
  boardNotFound: 'board_not_found',
  /** The board has no asset with that hash (it may exist on another board). */
  assetNotFound: 'asset_not_found',
  /** The body is larger than the server accepts (for assets: `maxAssetBytes` of GET /api/config). */
  payloadTooLarge: 'payload_too_large',
  /** The uploaded file is not one of the accepted media types. */
  unsupportedMediaType: 'unsupported_media_type',
  /** The board has no version with that id in that shot (it may be another board's or shot's). */
  versionNotFound: 'version_not_found',
  /** A version's parent is missing, or belongs to another shot or board. */
  versionParentInvalid: 'version_parent_invalid',
  /** The change would make a version its own ancestor. */
  versionCycle: 'version_cycle',
  /** Something failed on the server; the message is deliberately generic. */
  internal: 'internal',
} as const
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

/** The HTTP status each error code is sent with. */
export const ApiErrorStatus = {
  [ApiErrorCode.invalidRequest]: 400,
  [ApiErrorCode.notFound]: 404,
  [ApiErrorCode.boardNotFound]: 404,
  [ApiErrorCode.assetNotFound]: 404,
  [ApiErrorCode.payloadTooLarge]: 413,
  [ApiErrorCode.unsupportedMediaType]: 415,
  [ApiErrorCode.versionNotFound]: 404,
  [ApiErrorCode.versionParentInvalid]: 422,
  [ApiErrorCode.versionCycle]: 409,
  [ApiErrorCode.internal]: 500,
} as const satisfies Record<ApiErrorCode, number>

/** Body of every non-2xx response of the API. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.values(ApiErrorCode) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
  }),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>
