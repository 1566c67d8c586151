import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import type { Context, MiddlewareHandler } from 'hono'
import { getMimeType } from 'hono/utils/mime'
import { SYNC_PATH } from '@storyloom/shared/protocol/syncProtocol'
import { fileReadStream } from '../assets/fileReadStream'

/** Vite puts content-hashed bundles under /assets: their URL changes whenever they do. */
const HASHED = 'public, max-age=31536000, immutable'
/**
 * Everything else is revalidated: index.html names the current bundles, and the unhashed files
 * (the service worker script, favicon) must not outlive a deploy.
 */
const NO_CACHE = 'no-cache'

function isServerPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === SYNC_PATH || path.startsWith(`${SYNC_PATH}/`)
}

/** The file under `root` that `urlPath` names, if it is one; never anything outside `root`. */
async function fileUnder(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const file = resolve(root, `.${decoded}`)
  if (!file.startsWith(root + sep)) return undefined
  const info = await stat(file).catch(() => undefined)
  return info?.isFile() ? file : undefined
}

async function sendFile(c: Context, file: string, cacheControl: string): Promise<Response> {
  const { size } = await stat(file)
  c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream')
  c.header('Content-Length', String(size))
  c.header('Cache-Control', cacheControl)
  if (c.req.method === 'HEAD') return c.body(null, 200)
  return c.body(fileReadStream(file, { start: 0, end: size - 1 }), 200)
}

/**
 * Serves the built canvas from `distDir` (if it has an index.html): its files, and index.html
 * for every other GET outside /api and the sync endpoint, so deep links such as /b/<boardId>
 * load the app. Paths that look like files (with an extension) and are missing stay 404.
 */
export function serveCanvas(distDir: string | undefined): MiddlewareHandler | undefined {
  if (!distDir) return undefined
  const root = resolve(distDir)
  const indexHtml = join(root, 'index.html')
  if (!existsSync(indexHtml)) return undefined

  return async (c, next) => {
    const path = c.req.path
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || isServerPath(path)) return next()
    const file = path === '/' ? undefined : await fileUnder(root, path)
    if (file) return sendFile(c, file, path.startsWith('/assets/') ? HASHED : NO_CACHE)
    if (path.startsWith('/assets/') || extname(path) !== '') return next()
    return sendFile(c, indexHtml, NO_CACHE)
  }
}
