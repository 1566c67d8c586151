import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { clientConfigSchema } from '@storyloom/shared/api/config'
import { errorCode } from '../support/apiError'
import { useHttpTestServer } from '../support/httpTestServer'

const t = useHttpTestServer({ tldrawLicenseKey: 'test-license-key', maxAssetBytes: 5 * 1024 * 1024 })
afterEach(() => {
  vi.restoreAllMocks()
})

describe('service routes and errors', () => {
  it('tells the canvas its configuration', async () => {
    const res = await t.api.api.config.$get()
    expect(res.status).toBe(200)
    const config = clientConfigSchema.parse(await res.json())
    expect(config).toMatchObject({ tldrawLicenseKey: 'test-license-key', maxAssetBytes: 5 * 1024 * 1024 })
    expect(config.version).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('reports health', async () => {
    const res = await t.api.api.health.$get()
    expect(await res.json()).toEqual({ ok: true })
  })

  it('answers unknown API routes with a JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['POST', '/api/config'],
      ['PUT', '/api/boards'],
    ] as const) {
      const res = await fetch(`${t.server.url}${path}`, { method })
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await errorCode(res)).toBe('not_found')
    }
  })

  it('puts security headers on successes and errors alike', async () => {
    for (const res of [await fetch(`${t.server.url}/api/health`), await fetch(`${t.server.url}/api/nope`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain(`ws://${new URL(t.server.url).host}`)
    }
  })

  it('answers an internal failure with a generic 500 and no details', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const board = boardResponseSchema.parse(await (await t.api.api.boards.$post({ json: { name: 'Broken disk' } })).json())
    // The asset directory becomes a file while the server runs (the start checks it): the store cannot write, as on a broken or full disk.
    rmSync(join(t.server.dataDir, 'assets'), { recursive: true, force: true })
    writeFileSync(join(t.server.dataDir, 'assets'), 'not a directory')

    const res = await fetch(`${t.server.url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    })

    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal server error' } })
    expect(text).not.toMatch(/ENOTDIR|EEXIST|assets|at .*\.ts/)
    expect(logged).toHaveBeenCalled()
  })
})
