import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import type { ClientConfig, HealthResponse } from '@storyloom/shared/api/config'
import type { ServerConfig } from '../config'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

/** GET /api/config (what the canvas needs before opening a board) and GET /api/health. */
export function configRoutes({ config }: { config: ServerConfig }) {
  const clientConfig: ClientConfig = {
    tldrawLicenseKey: config.tldrawLicenseKey ?? null,
    maxAssetBytes: config.maxAssetBytes,
    version,
  }
  return new Hono()
    .get('/config', (c) => c.json(clientConfig, 200))
    .get('/health', (c) => c.json({ ok: true } satisfies HealthResponse, 200))
}
