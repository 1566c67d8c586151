import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileErrors, validate } from '@readme/openapi-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configFromEnv } from '../config'
import { openDatabase, type Db } from '../db/openDatabase'
import { BoardListHub } from '../events/boardListHub'
import { startGenerationRuntime, type GenerationRuntime } from '../generation/generationRuntime'
import { createApp } from './createApp'

// The document served at /api/openapi.json must describe every route the app answers: a route
// added without its entry fails here, so the document cannot fall behind the API again.

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])

let db: Db
let dir: string
let generation: GenerationRuntime
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  db = openDatabase(':memory:')
  dir = mkdtempSync(join(tmpdir(), 'storyloom-openapi-'))
  const config = { ...configFromEnv({}), canvasDist: undefined, dataDir: dir }
  const unused = () => {
    throw new Error('not used by this test')
  }
  generation = await startGenerationRuntime({ db, config, sync: { withRoom: unused }, assets: { open: unused } })
  app = createApp({ db, config, sync: { closeBoard: unused, updateAccess: unused, closeAccount: unused, closeEndedSessions: unused, boardRenamed: unused, membersChanged: unused, boardState: unused, changeBoard: unused, withRoom: unused }, assets: { put: unused, open: unused, copy: unused, removeUnreferenced: unused, idle: unused }, generation, boardList: new BoardListHub() })
})
afterAll(async () => {
  await generation.close()
  db.$client.close()
  rmSync(dir, { recursive: true, force: true })
})

async function servedDocument(): Promise<{ paths: Record<string, Record<string, unknown>> }> {
  const res = await app.request('/api/openapi.json')
  expect(res.status).toBe(200)
  return (await res.json()) as { paths: Record<string, Record<string, unknown>> }
}

/** `/api/boards/:boardId/…` as OpenAPI writes it: `/api/boards/{boardId}/…`. */
function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await servedDocument()
    // validate() dereferences in place: give it a copy.
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0])
    expect(result.valid ? '' : compileErrors(result)).toBe('')
    expect(result.specification).toBe('OpenAPI')
  })

  it('describes every API route the app registers', async () => {
    const { paths } = await servedDocument()
    const registered = app.routes.filter((r) => METHODS.has(r.method) && r.path.startsWith('/api/'))
    // Guards the guard: if Hono stopped listing routes this way, the test would pass on nothing.
    expect(registered.length).toBeGreaterThan(40)
    const missing = registered
      .map((r) => `${r.method} ${openApiPath(r.path)}`)
      .filter((route) => {
        const [method, path] = route.split(' ') as [string, string]
        return paths[path]?.[method.toLowerCase()] === undefined
      })
    expect([...new Set(missing)]).toEqual([])
  })

  it('describes no route the app does not have', async () => {
    const { paths } = await servedDocument()
    const registered = new Set(app.routes.filter((r) => METHODS.has(r.method)).map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`))
    const documented = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).filter((k) => k !== 'parameters').map((method) => `${method} ${path}`))
    expect(documented.filter((route) => !registered.has(route))).toEqual([])
  })

  it('writes each shared schema once, under components, and refers to it', async () => {
    const res = await app.request('/api/openapi.json')
    const text = await res.text()
    // Every schema written out per route made it ~260 KB; with $refs it is ~110 KB.
    expect(text.length).toBeLessThan(150_000)
    const document = JSON.parse(text) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } }
    const versionResponse = document.paths['/api/boards/{boardId}/versions/{versionId}']?.patch?.responses['200']
    expect(versionResponse).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ShotVersion' } } } })
    expect(document.components.schemas.ShotVersion).toMatchObject({ type: 'object', properties: { id: { type: 'string' } } })
  })
})
