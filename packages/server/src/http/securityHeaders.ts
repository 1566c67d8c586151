import type { MiddlewareHandler } from 'hono'
import { secureHeaders, type ContentSecurityPolicyOptionHandler } from 'hono/secure-headers'

/** The sync socket lives on the page's own host. (CSP3 `'self'` covers ws(s) too; older browsers need it spelled out.) */
const sameHostSockets: ContentSecurityPolicyOptionHandler = (c) => {
  const { host } = new URL(c.req.url)
  return `ws://${host} wss://${host}`
}

/**
 * Security headers on every response, with a Content-Security-Policy the tldraw canvas works
 * under: inline styles (tldraw sets them), data:/blob: images and media (pasted files, exports,
 * previews), https: images, media and embeds (references pinned from the web, tldraw's embed
 * shape), and fetch/WebSocket only to this server. Handlers may set their own header (assets
 * set a stricter CSP), which is kept.
 *
 * HSTS is left to the TLS-terminating proxy: a self-hosted server does not know whether it is
 * served over HTTPS, and HSTS with includeSubDomains would affect a host's other sites.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    overwrite: false,
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      mediaSrc: ["'self'", 'data:', 'blob:', 'https:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", 'data:', 'blob:', sameHostSockets],
      workerSrc: ["'self'", 'blob:'],
      frameSrc: ["'self'", 'https:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
  })
}
