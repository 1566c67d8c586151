import { z } from 'zod'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import {
  createGenerationsRequestSchema,
  createGenerationsResponseSchema,
  generationListResponseSchema,
  generationViewSchema,
  IDEMPOTENCY_KEY_HEADER,
  modelListResponseSchema,
} from '@storyloom/shared/generation/api'
import { boardEventSchema } from '@storyloom/shared/events/boardEvents'
import { boardListEventSchema } from '@storyloom/shared/events/boardListEvents'
import { workerAssetResponseSchema, workerHeartbeatSchema, workerHeartbeatResponseSchema, workerLeaveSchema, workerResultCommitResponseSchema, workerResultCommitSchema } from '@storyloom/shared/generation/workerApi'

const json = (schema: z.ZodType, io: 'input' | 'output' = 'output') => ({ 'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) } })
const error = (description: string) => ({ description, content: json(apiErrorBodySchema) })
const boardId = { name: 'boardId', in: 'path', required: true, schema: { type: 'string' } }
const generationId = { name: 'generationId', in: 'path', required: true, schema: { type: 'string' } }
const jobId = { name: 'jobId', in: 'path', required: true, schema: { type: 'string' } }
const workerAuth = [{ workerToken: [] }]

/**
 * The OpenAPI 3.1 document of the generations API, generated from the same zod schemas the
 * routes validate with (so it cannot drift from them). Served at `GET /api/openapi.json`.
 */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Storyloom API', version, description: 'Generations, models, live board and board-list events and the worker API. See docs/generation-api.md and docs/http-api.md.' },
    components: { securitySchemes: { workerToken: { type: 'http', scheme: 'bearer', description: 'The worker token (STORYLOOM_WORKER_TOKEN or <dataDir>/worker-token).' } } },
    paths: {
      '/api/boards/{boardId}/generations': {
        post: {
          summary: 'Generate images (and clips) for shots',
          parameters: [boardId, { name: IDEMPOTENCY_KEY_HEADER, in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: { required: true, content: json(createGenerationsRequestSchema, 'input') },
          responses: {
            202: { description: 'Queued: one generation per shot', content: json(createGenerationsResponseSchema) },
            400: error('Malformed request'),
            404: error('No such board'),
            422: error('Unknown shot or model, impossible size, too many variations, missing reference, or a reused Idempotency-Key'),
            429: error('Too many generations queued or running for this person'),
          },
        },
        get: {
          summary: "A board's generations, oldest first",
          parameters: [boardId, { name: 'status', in: 'query', schema: { type: 'string' } }, { name: 'shotId', in: 'query', schema: { type: 'string' } }],
          responses: { 200: { description: 'The generations', content: json(generationListResponseSchema) }, 404: error('No such board') },
        },
      },
      '/api/boards/{boardId}/generations/{generationId}': {
        get: { summary: 'One generation', parameters: [boardId, generationId], responses: { 200: { description: 'The generation', content: json(generationViewSchema) }, 404: error('No such generation') } },
      },
      '/api/boards/{boardId}/generations/{generationId}/cancel': {
        post: {
          summary: 'Cancel a queued or running generation (it stops at its next step)',
          parameters: [boardId, generationId],
          responses: { 202: { description: 'Canceled', content: json(generationViewSchema) }, 403: error('Not the author'), 404: error('No such generation'), 409: error('Already finished') },
        },
      },
      '/api/boards/{boardId}/events': {
        get: {
          summary: "The board's live events (server-sent events; `event:` is the type, `data:` the JSON event)",
          parameters: [boardId],
          responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.toJSONSchema(boardEventSchema, { unrepresentable: 'any' }) } } }, 404: error('No such board') },
        },
      },
      '/api/board-list/events': {
        get: {
          summary: "The caller's board-list events (server-sent events): a board they see was created, renamed, deleted, or their access to it changed",
          responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.toJSONSchema(boardListEventSchema, { unrepresentable: 'any' }) } } }, 401: error('Not signed in') },
        },
      },
      '/api/models': { get: { summary: 'Models the live workers can run', responses: { 200: { description: 'The models', content: json(modelListResponseSchema) } } } },
      '/api/worker/heartbeat': {
        post: { summary: 'A worker announces itself, its models and the jobs it is running', security: workerAuth, requestBody: { required: true, content: json(workerHeartbeatSchema, 'input') }, responses: { 200: { description: 'Noted; where the server queues its jobs (null: in-process, no Redis)', content: json(workerHeartbeatResponseSchema) }, 401: error('Wrong worker token') } },
      },
      '/api/worker/leave': {
        post: { summary: 'A stopping worker (its jobs done or given back) no longer counts', security: workerAuth, requestBody: { required: true, content: json(workerLeaveSchema, 'input') }, responses: { 204: { description: 'Noted' }, 401: error('Wrong worker token') } },
      },
      '/api/worker/jobs/{jobId}/references/{index}': {
        get: { summary: "A job's reference file", security: workerAuth, parameters: [jobId, { name: 'index', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'The bytes' }, 404: error('No such reference') } },
      },
      '/api/worker/jobs/{jobId}/assets': {
        post: {
          summary: 'Upload a result file (PNG, WebP, JPEG); content-addressed',
          security: workerAuth,
          parameters: [jobId],
          requestBody: { required: true, content: { 'image/png': {}, 'image/webp': {}, 'image/jpeg': {} } },
          responses: { 201: { description: 'Stored', content: json(workerAssetResponseSchema) }, 413: error('Too large'), 415: error('Not an accepted type') },
        },
      },
      '/api/worker/jobs/{jobId}/results': {
        post: {
          summary: 'Record one take as a version of the shot (idempotent on job + variation)',
          security: workerAuth,
          parameters: [jobId],
          requestBody: { required: true, content: json(workerResultCommitSchema, 'input') },
          responses: { 200: { description: 'Recorded', content: json(workerResultCommitResponseSchema) }, 409: error('The generation was canceled or failed') },
        },
      },
    },
  }
}
