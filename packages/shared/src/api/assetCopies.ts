import { z } from 'zod'
import { parseBoardAssetUrl } from './assets'

/**
 * Copying other boards' assets into a board (`POST /api/boards/:boardId/assets/copy`): what a
 * paste from another board asks for, so the pasted pictures are the board's own files (served to
 * its members, kept when the other board is deleted). Files are content-addressed, so a copy is
 * the same sha256 made reachable through the target board.
 */

/** Most URLs one request may name; a client with more sends several requests. */
export const MAX_ASSET_COPY_URLS = 50


/** Body of a copy request: the source URLs, as the doc holds them. */
export const assetCopyRequestSchema = z.object({
  urls: z
    .array(z.string().max(200).refine((url) => parseBoardAssetUrl(url) !== undefined, 'not an asset URL of this server (/api/boards/<board>/assets/<sha256>)'))
    .min(1)
    .max(MAX_ASSET_COPY_URLS, `at most ${MAX_ASSET_COPY_URLS} URLs per request`),
})
export type AssetCopyRequest = z.infer<typeof assetCopyRequestSchema>

/**
 * Why one URL was not copied; the same codes, for the same cases, as `GET` on the source URL
 * itself would answer (so the route tells nobody more about a board than that URL already does).
 */
export const ASSET_COPY_REFUSALS = ['board_not_found', 'board_forbidden', 'asset_not_found'] as const
export type AssetCopyRefusal = (typeof ASSET_COPY_REFUSALS)[number]

/** Body of a copy's 200: per URL, its URL on the target board, or why it was not copied. */
export const assetCopyResponseSchema = z.object({
  copies: z.array(z.object({ from: z.string(), url: z.string() })),
  refused: z.array(z.object({ from: z.string(), code: z.enum(ASSET_COPY_REFUSALS) })),
})
export type AssetCopyResponse = z.infer<typeof assetCopyResponseSchema>
