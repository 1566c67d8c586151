import { ASSET_FILE_NAME_HEADER, type AssetResponse } from '@storyloom/shared/api/assets'
import { api, succeed } from './apiClient'

/**
 * Uploads a file to the board's asset store (the raw file as the body). A refusal throws the
 * server's message (e.g. "file is larger than 25 MB").
 */
export async function uploadAsset(boardId: string, file: File, signal?: AbortSignal): Promise<AssetResponse> {
  const headers: Record<string, string> = { 'Content-Type': file.type || 'application/octet-stream' }
  if (file.name) headers[ASSET_FILE_NAME_HEADER] = encodeURIComponent(file.name)
  const response = await succeed(
    api.boards[':boardId'].assets.$post({ param: { boardId } }, { headers, init: { body: file, ...(signal ? { signal } : {}) } }),
  )
  return response.json()
}
