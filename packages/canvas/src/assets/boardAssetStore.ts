import type { TLAssetStore } from 'tldraw'
import { ASSET_FILE_NAME_HEADER } from '@storyloom/shared/api/assets'
import { api, succeed } from '../api/apiClient'

/**
 * Where a board's images and clips go: the raw file is uploaded to the server's asset store
 * and the doc only ever holds its URL. Never inline (`data:`): a few inline images can make a
 * board too large to open, and the server refuses them.
 */
export function createBoardAssetStore(boardId: string): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      const headers: Record<string, string> = { 'Content-Type': file.type || 'application/octet-stream' }
      if (file.name) headers[ASSET_FILE_NAME_HEADER] = encodeURIComponent(file.name)
      // A refusal throws with the server's message (e.g. "file is larger than 25 MB"); tldraw
      // then shows its upload-failed toast and removes the placeholder.
      const response = await succeed(
        api.boards[':boardId'].assets.$post({ param: { boardId } }, { headers, init: { body: file, signal: abortSignal } }),
      )
      const { url } = await response.json()
      return { src: url }
    },
    resolve(asset) {
      return asset.props.src
    },
  }
}
