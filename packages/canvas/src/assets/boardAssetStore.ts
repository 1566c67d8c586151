import type { TLAssetStore } from 'tldraw'
import { uploadAsset } from '../api/assetsApi'
import { ApiError } from '../api/apiClient'
import type { UploadRefusals } from './uploadRefusals'

/**
 * Where a board's images and clips go: the raw file is uploaded to the server's asset store
 * and the doc only ever holds its URL. Never inline (`data:`): a few inline images can make a
 * board too large to open, and the server refuses them.
 */
export function createBoardAssetStore(boardId: string, refusals?: UploadRefusals): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      // A refusal throws; tldraw then shows its "Upload failed" toast and deletes the asset it
      // placed (its shape goes with it: dropShapesOfFailedUploads). The server's reason, or
      // "Cannot reach the Storyloom server", is recorded for that toast to say (UploadRefusalToasts).
      try {
        const { url } = await uploadAsset(boardId, file, abortSignal)
        return { src: url }
      } catch (error) {
        if (error instanceof ApiError) refusals?.record(error.message)
        throw error
      }
    },
    resolve(asset) {
      return asset.props.src
    },
  }
}
