import { z } from 'zod'

/** Body of GET /api/config: what the canvas needs to know before it opens a board. */
export const clientConfigSchema = z.object({
  /** tldraw license key for this deployment, or null (fine on localhost). */
  tldrawLicenseKey: z.string().nullable(),
  /** Largest asset upload the server accepts, in bytes. */
  maxAssetBytes: z.number().int().positive(),
  /** Server version (semver). */
  version: z.string(),
})
export type ClientConfig = z.infer<typeof clientConfigSchema>

/** Body of GET /api/health. */
export const healthResponseSchema = z.object({ ok: z.literal(true) })
export type HealthResponse = z.infer<typeof healthResponseSchema>
