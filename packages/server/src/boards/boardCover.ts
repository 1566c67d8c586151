import { parseBoardAssetUrl } from '@storyloom/shared/api/assets'
import { boardSequence, type BoardRecordLike } from '@storyloom/shared/storyboard/boardSequence'

/**
 * A board's cover on the home page: the picture of its first shot that has one, in the strip's
 * reading order (scenes in order, each scene's shots in order, then the shots in no scene).
 *
 * Only an image served by this same board's asset route, and stored for it (`hasAsset`), is
 * chosen: whoever sees the board in their list may load it, and a URL a client wrote into the
 * doc by hand (another board's, an outside site's, an asset never uploaded) is never shown.
 * Clips are skipped: a home page of dozens of rows must not start a video per row.
 *
 * Returns the asset id (sha256), or null when no shot has such a picture.
 */
export function boardCoverAssetId(
  boardId: string,
  records: Iterable<BoardRecordLike>,
  hasAsset: (assetId: string) => boolean,
): string | null {
  for (const { shot } of boardSequence(records).entries) {
    const media = shot.shape.props.media
    if (media?.kind !== 'image') continue
    const asset = parseBoardAssetUrl(media.src)
    if (asset?.boardId === boardId && hasAsset(asset.assetId)) return asset.assetId
  }
  return null
}
