import { z } from 'zod'
import { boardIdSchema } from '@storyloom/shared/api/boards'
import { ApiErrorCode as E } from '@storyloom/shared/api/errors'
import {
  createGenerationsRequestSchema,
  createGenerationsResponseSchema,
  generationIdSchema,
  generationListQuerySchema,
  generationListResponseSchema,
  generationViewSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  modelListResponseSchema,
} from '@storyloom/shared/generation/api'
import { boardEventSchema } from '@storyloom/shared/events/boardEvents'
import { boardListEventSchema } from '@storyloom/shared/events/boardListEvents'
import { WORKER_UPLOAD_TYPES, workerAssetResponseSchema, workerClaimResponseSchema, workerHeartbeatSchema, workerHeartbeatResponseSchema, workerLeaveSchema, workerRefusalSchema, workerRecordedTakesResponseSchema, workerResultCommitResponseSchema, workerResultCommitSchema } from '@storyloom/shared/generation/workerApi'
import { schemaRef } from './components'
import { BOARD_ACCESS_ERRORS, errors, JSON_BODY_ERRORS, json, ok, pathParam, queryParams, type PathItems } from './common'

const boardId = pathParam('boardId', boardIdSchema)
const generationId = pathParam('generationId', generationIdSchema)
const jobId = pathParam('jobId', generationIdSchema)
const workerAuth = [{ workerToken: [] }]
const listQuery = queryParams(generationListQuerySchema)

const eventStream = (schema: z.ZodType) => ({ 'text/event-stream': { schema: schemaRef(schema, 'output') } })

/** Generations, models, live events, and the API GPU workers call (docs/generation-api.md). */
export const generationPaths: PathItems = {
  '/api/boards/{boardId}/generations': {
    post: {
      summary: 'Generate images (and clips) for shots',
      parameters: [boardId, { name: IDEMPOTENCY_KEY_HEADER, in: 'header', required: false, schema: schemaRef(idempotencyKeySchema, 'input') }],
      requestBody: { required: true, content: json(createGenerationsRequestSchema, 'input') },
      responses: {
        202: ok('Queued: one generation per shot', createGenerationsResponseSchema),
        ...errors(...BOARD_ACCESS_ERRORS, ...JSON_BODY_ERRORS, E.shotNotFound, E.unknownModel, E.invalidSize, E.tooManyVariations, E.missingReference, E.idempotencyKeyReused, E.tooManyGenerations, E.rateLimited),
      },
    },
    get: {
      summary: "A board's generations, oldest first",
      parameters: [boardId, ...listQuery],
      responses: { 200: ok('The generations', generationListResponseSchema), ...errors(...BOARD_ACCESS_ERRORS) },
    },
  },
  '/api/boards/{boardId}/generations/{generationId}': {
    get: { summary: 'One generation', parameters: [boardId, generationId], responses: { 200: ok('The generation', generationViewSchema), ...errors(...BOARD_ACCESS_ERRORS, E.generationNotFound) } },
  },
  '/api/boards/{boardId}/generations/{generationId}/cancel': {
    post: {
      summary: 'Cancel a queued or running generation (it stops at its next step)',
      parameters: [boardId, generationId],
      responses: { 202: ok('Canceled', generationViewSchema), ...errors(...BOARD_ACCESS_ERRORS, E.crossOrigin, E.notYourGeneration, E.generationNotFound, E.generationFinished) },
    },
  },
  '/api/boards/{boardId}/events': {
    get: {
      summary: "The board's live events (server-sent events; `event:` is the type, `data:` the JSON event)",
      parameters: [boardId],
      responses: { 200: { description: 'An event stream', content: eventStream(boardEventSchema) }, ...errors(...BOARD_ACCESS_ERRORS) },
    },
  },
  '/api/board-list/events': {
    get: {
      summary: "The caller's board-list events (server-sent events): a board they see was created, renamed, deleted, or their access to it changed",
      responses: { 200: { description: 'An event stream', content: eventStream(boardListEventSchema) }, ...errors(E.notSignedIn) },
    },
  },
  '/api/models': { get: { summary: 'Models the live workers can run', responses: { 200: ok('The models', modelListResponseSchema) } } },
  '/api/worker/heartbeat': {
    post: {
      summary: 'A worker announces itself, its models and the jobs it is running',
      security: workerAuth,
      requestBody: { required: true, content: json(workerHeartbeatSchema, 'input') },
      responses: { 200: ok('Noted; where the server queues its jobs (null: in-process, no Redis)', workerHeartbeatResponseSchema), ...errors(E.unauthorized, ...JSON_BODY_ERRORS) },
    },
  },
  '/api/worker/refusal': {
    post: {
      summary: 'A worker stopping at start on its own set-up (a model not installed) says why; GET /api/models reports it',
      security: workerAuth,
      requestBody: { required: true, content: json(workerRefusalSchema, 'input') },
      responses: { 204: { description: 'Noted' }, ...errors(E.unauthorized, ...JSON_BODY_ERRORS) },
    },
  },
  '/api/worker/leave': {
    post: {
      summary: 'A stopping worker (its jobs done or given back) no longer counts',
      security: workerAuth,
      requestBody: { required: true, content: json(workerLeaveSchema, 'input') },
      responses: { 204: { description: 'Noted' }, ...errors(E.unauthorized, ...JSON_BODY_ERRORS) },
    },
  },
  '/api/worker/jobs/{jobId}/claim': {
    post: {
      summary: 'A worker taking a job up asks whether to run it (the server cancels a job whose board or shot is gone, saying why)',
      security: workerAuth,
      parameters: [jobId],
      responses: { 200: ok('Run it, or drop it and why', workerClaimResponseSchema), ...errors(E.invalidRequest, E.unauthorized, E.crossOrigin, E.generationNotFound) },
    },
  },
  '/api/worker/jobs/{jobId}/references/{index}': {
    get: {
      summary: "A job's reference file",
      security: workerAuth,
      parameters: [jobId, { name: 'index', in: 'path', required: true, schema: { type: 'integer', minimum: 0, maximum: 63 } }],
      responses: { 200: { description: 'The bytes' }, ...errors(E.invalidRequest, E.unauthorized, E.generationNotFound, E.assetNotFound) },
    },
  },
  '/api/worker/jobs/{jobId}/assets': {
    post: {
      summary: 'Upload a result file; content-addressed',
      security: workerAuth,
      parameters: [jobId],
      requestBody: { required: true, content: Object.fromEntries(WORKER_UPLOAD_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) },
      responses: { 201: ok('Stored', workerAssetResponseSchema), ...errors(E.invalidRequest, E.unauthorized, E.crossOrigin, E.generationNotFound, E.generationFinished, E.payloadTooLarge, E.unsupportedMediaType) },
    },
  },
  '/api/worker/jobs/{jobId}/results': {
    get: {
      summary: "The job's takes already recorded (a job taken up again renders only the others)",
      security: workerAuth,
      parameters: [jobId],
      responses: { 200: ok('The recorded takes', workerRecordedTakesResponseSchema), ...errors(E.invalidRequest, E.unauthorized, E.generationNotFound) },
    },
    post: {
      summary: 'Record one take as a version of the shot (idempotent on job + variation); its files’ sizes are read from their headers: a damaged one (415) or one over 16384 px a side (422 `invalid_size`) is kept as an unreadable take, never shown, and the job should fail with the message',
      security: workerAuth,
      parameters: [jobId],
      requestBody: { required: true, content: json(workerResultCommitSchema, 'input') },
      responses: { 200: ok('Recorded', workerResultCommitResponseSchema), ...errors(E.unauthorized, ...JSON_BODY_ERRORS, E.generationNotFound, E.generationFinished, E.assetNotFound, E.unsupportedMediaType, E.invalidSize) },
    },
  },
}
