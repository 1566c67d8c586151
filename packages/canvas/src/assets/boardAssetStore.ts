import type { TLAssetStore } from 'tldraw'
import { uploadAsset } from '../api/assetsApi'

/**
 * Where a board's images and clips go: the raw file is uploaded to the server's asset store
 * and the doc only ever holds its URL. Never inline (`data:`): a few inline images can make a
 * board too large to open, and the server refuses them.
 */
export function createBoardAssetStore(boardId: string): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      // A refusal throws with the server's message; tldraw then shows its upload-failed toast
      // and removes the placeholder.
      const { url } = await uploadAsset(boardId, file, abortSignal)
      return { src: url }
    },
    resolve(asset) {
      return asset.props.src
    },
  }
}
