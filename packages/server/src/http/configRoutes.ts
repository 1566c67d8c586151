import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import type { ClientConfig, HealthResponse } from '@storyloom/shared/api/config'
import type { ServerConfig } from '../config'

/** The server's version (package.json). */
export const { version: serverVersion } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

/** GET /api/config (what the canvas needs before opening a board) and GET /api/health. */
export function configRoutes({ config }: { config: ServerConfig }) {
  const clientConfig: ClientConfig = {
    tldrawLicenseKey: config.tldrawLicenseKey ?? null,
    maxAssetBytes: config.maxAssetBytes,
    version: serverVersion,
  }
  return new Hono()
    .get('/config', (c) => c.json(clientConfig, 200))
    .get('/health', (c) => c.json({ ok: true } satisfies HealthResponse, 200))
}
