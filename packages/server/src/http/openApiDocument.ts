import { accountPaths } from './openApi/accountPaths'
import { boardPaths } from './openApi/boardPaths'
import { writtenComponents } from './openApi/components'
import { generationPaths } from './openApi/generationPaths'
import { reviewPaths } from './openApi/reviewPaths'

/**
 * The OpenAPI 3.1 document of the whole HTTP API, its bodies generated from the same zod schemas
 * the routes validate with (so they cannot drift from them), its errors from the codes each route
 * sends. Served at `GET /api/openapi.json`; a test fails when a route of the app is missing here.
 */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Storyloom API',
      version,
      description:
        'Boards, members and invites, assets, shot versions, history, generations and models, client review (share links, comments, verdicts), accounts, live events and the worker API. Every error has the body `{ error: { code, message } }`. See docs/http-api.md, docs/generation-api.md, docs/versions-api.md and docs/review-api.md.',
    },
    components: {
      ...writtenComponents(),
      securitySchemes: {
        workerToken: { type: 'http', scheme: 'bearer', description: 'The worker token (STORYLOOM_WORKER_TOKEN or <dataDir>/worker-token).' },
        session: { type: 'apiKey', in: 'cookie', name: 'storyloom_session', description: 'The session cookie set by sign-in and sign-up (accounts mode; local mode needs none).' },
      },
    },
    paths: { ...accountPaths, ...boardPaths, ...generationPaths, ...reviewPaths },
  }
}
