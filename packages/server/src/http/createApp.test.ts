import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import type { AssetStore } from '../assets/assetStore'
import { configFromEnv, type ServerConfig } from '../config'
import { openDatabase, type Db } from '../db/openDatabase'
import { startGenerationRuntime, type GenerationRuntime } from '../generation/generationRuntime'
import { BoardUnavailableError } from '../sync/createSyncServer'
import { createApp } from './createApp'
import { BoardListHub } from '../events/boardListHub'

// createApp with an in-memory database and stand-ins for the sync server and asset store; the
// real server is exercised end to end in tests/integration/http*.test.ts.

let db: Db
let dir: string
let generation: GenerationRuntime
const closeBoard = vi.fn()
const updateAccess = vi.fn()
const boardRenamed = vi.fn()
const failingAssets: AssetStore = {
  put: () => Promise.reject(new Error('EACCES: permission denied, open /srv/secret/path')),
  open: () => Promise.reject(new Error('disk on fire')),
  copy: () => Promise.reject(new Error('disk on fire')),
  removeUnreferenced: () => Promise.resolve(0),
  idle: () => Promise.resolve(),
}

function appWith(config: Partial<ServerConfig> = {}, assets: AssetStore = failingAssets) {
  const full: ServerConfig = { ...configFromEnv({}), canvasDist: undefined, dataDir: dir, ...config }
  const noDocs = () => {
    throw new Error('no live docs in this test')
  }
  return createApp({ db, config: full, sync: { closeBoard, updateAccess, closeAccount: vi.fn(), closeEndedSessions: vi.fn(), boardRenamed, membersChanged: vi.fn(), boardState: noDocs, changeBoard: noDocs, withRoom: noDocs }, assets, generation, boardList: new BoardListHub() })
}

async function createBoard(app: ReturnType<typeof appWith>) {
  const res = await app.request('/api/boards', {
    method: 'POST',
    body: JSON.stringify({ name: 'B' }),
    headers: { 'Content-Type': 'application/json' },
  })
  return boardResponseSchema.parse(await res.json())
}

beforeEach(async () => {
  db = openDatabase(':memory:')
  dir = mkdtempSync(join(tmpdir(), 'storyloom-app-'))
  closeBoard.mockReset()
  const withRoom = (boardId: string) => {
    throw new BoardUnavailableError(boardId, 'no sync server in this test', 'missing')
  }
  generation = await startGenerationRuntime({ db, config: { ...configFromEnv({}), dataDir: dir }, sync: { withRoom }, assets: failingAssets })
})
afterEach(async () => {
  await generation.close()
  db.$client.close()
  rmSync(dir, { recursive: true, force: true })
  vi.restoreAllMocks()
})

describe('createApp', () => {
  it('answers an unexpected error with a generic 500 and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const app = appWith()
    const board = await createBoard(app)

    const res = await app.request(`/api/boards/${board.id}/assets`, { method: 'POST', body: new Uint8Array([1, 2, 3]) })

    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal server error' } })
    expect(text).not.toContain('EACCES')
    expect(logged).toHaveBeenCalledOnce()
  })

  it('closes the room of a deleted board, keeping its last edits for a restore', async () => {
    const app = appWith()
    const board = await createBoard(app)
    expect((await app.request(`/api/boards/${board.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(closeBoard).toHaveBeenCalledWith(board.id, { keepEdits: true })
  })

  it('sends a CSP that lets the canvas reach its own sync socket', async () => {
    const res = await appWith().request('http://storyloom.example:8080/api/health')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("connect-src 'self' data: blob: ws://storyloom.example:8080 wss://storyloom.example:8080")
    expect(csp).toContain("style-src 'self' 'unsafe-inline'")
    expect(csp).toContain("img-src 'self' data: blob:")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  describe('serving the built canvas', () => {
    let dist: string
    beforeEach(() => {
      dist = join(dir, 'dist')
      mkdirSync(join(dist, 'assets'), { recursive: true })
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Storyloom</title>')
      writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), 'console.log(1)')
      writeFileSync(join(dist, 'robots.txt'), 'User-agent: *')
      writeFileSync(join(dir, 'secret.txt'), 'secret')
    })

    it('serves index.html, uncached, at / and at deep links', async () => {
      const app = appWith({ canvasDist: dist })
      for (const path of ['/', '/b/AAAAAAAAAAAAAAAA', '/index.html']) {
        const res = await app.request(path)
        expect(res.status, path).toBe(200)
        expect(res.headers.get('content-type')).toMatch(/^text\/html/)
        expect(res.headers.get('cache-control')).toBe('no-cache')
        expect(await res.text()).toContain('<title>Storyloom</title>')
      }
    })

    it('caches hashed bundles for a year and revalidates other files', async () => {
      const app = appWith({ canvasDist: dist })
      const bundle = await app.request('/assets/index-3f9a1c.js')
      expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/)
      expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(await bundle.text()).toBe('console.log(1)')
      expect((await app.request('/robots.txt')).headers.get('cache-control')).toBe('no-cache')
    })

    it('keeps missing files, /api and files outside the dist folder out of the fallback', async () => {
      const app = appWith({ canvasDist: dist })
      expect((await app.request('/assets/index-000000.js')).status).toBe(404)
      expect((await app.request('/favicon.ico')).status).toBe(404)
      const api = await app.request('/api/nope')
      expect(api.status).toBe(404)
      expect(apiErrorBodySchema.parse(await api.json()).error.code).toBe('not_found')
      for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
        expect(await (await app.request(path)).text(), path).not.toBe('secret')
      }
    })

    it('is off when the canvas is not built', async () => {
      const res = await appWith({ canvasDist: join(dir, 'missing') }).request('/b/AAAAAAAAAAAAAAAA')
      expect(res.status).toBe(404)
    })
  })
})
