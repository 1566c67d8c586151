import { ASSET_FILE_NAME_HEADER, ASSET_PURPOSE_HEADER, type AssetResponse } from '@storyloom/shared/api/assets'
import type { AssetCopyResponse } from '@storyloom/shared/api/assetCopies'
import { api, succeed } from './apiClient'

/**
 * Uploads a file to the board's asset store (the raw file as the body). A refusal throws the
 * server's message (e.g. "file is larger than 25 MB"). `purpose: 'take'`: the server refuses,
 * storing nothing, a file that cannot be a take (see ASSET_PURPOSE_HEADER).
 */
export async function uploadAsset(boardId: string, file: File, signal?: AbortSignal, purpose?: 'take'): Promise<AssetResponse> {
  const headers: Record<string, string> = { 'Content-Type': file.type || 'application/octet-stream' }
  if (file.name) headers[ASSET_FILE_NAME_HEADER] = encodeURIComponent(file.name)
  if (purpose) headers[ASSET_PURPOSE_HEADER] = purpose
  const response = await succeed(
    api.boards[':boardId'].assets.$post({ param: { boardId } }, { headers, init: { body: file, ...(signal ? { signal } : {}) } }),
  )
  return response.json()
}

/**
 * Asks the server to copy other boards' files (their asset URLs, at most
 * `MAX_ASSET_COPY_URLS`) into this board: per URL, its URL here or why it was refused.
 */
export async function copyAssets(boardId: string, urls: readonly string[]): Promise<AssetCopyResponse> {
  const response = await succeed(api.boards[':boardId'].assets.copy.$post({ param: { boardId }, json: { urls: [...urls] } }))
  return response.json()
}
