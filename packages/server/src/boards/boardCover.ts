import { parseBoardAssetUrl } from '@storyloom/shared/api/assets'
import { boardSequence, type BoardRecordLike } from '@storyloom/shared/storyboard/boardSequence'
import { isUnreadableAsset, type VersionAsset } from '@storyloom/shared/versions/shotVersion'

/** The files of a shot's take (`versionId`), as its version tree keeps them; undefined for none. */
export type TakeAssets = (shotId: string, versionId: string) => readonly VersionAsset[] | undefined

/**
 * A board's cover on the home page: the picture of its first shot that has one, in the strip's
 * reading order (scenes in order, each scene's shots in order, then the shots in no scene).
 *
 * Only an image served by this same board's asset route, and stored for it (`hasAsset`), is
 * chosen: whoever sees the board in their list may load it, and a URL a client wrote into the
 * doc by hand (another board's, an outside site's, an asset never uploaded) is never shown.
 * A clip is never the cover (a home page of dozens of rows must not start a video per row): a
 * shot showing a generated clip offers its take's still instead (`takeAssets`: every generated
 * clip's take keeps the still it was made from); an uploaded clip has none, and is skipped. A
 * picture the server found damaged or oversized in its take (a decompression bomb) is skipped too.
 *
 * Returns the asset id (sha256), or null when no shot has such a picture.
 */
export function boardCoverAssetId(
  boardId: string,
  records: Iterable<BoardRecordLike>,
  hasAsset: (assetId: string) => boolean,
  takeAssets: TakeAssets = () => undefined,
): string | null {
  const ownStored = (src: string): string | null => {
    const asset = parseBoardAssetUrl(src)
    return asset?.boardId === boardId && hasAsset(asset.assetId) ? asset.assetId : null
  }
  for (const { shot } of boardSequence(records).entries) {
    const { media, activeVersionId } = shot.shape.props
    // Read only for a shot that may be the cover: this runs on the board's changes.
    const take = () => (activeVersionId ? takeAssets(shot.shape.id, activeVersionId) : undefined)
    if (media?.kind === 'image') {
      const cover = ownStored(media.src)
      if (cover && !take()?.some((asset) => asset.assetId === cover && isUnreadableAsset(asset))) return cover
    } else if (media?.kind === 'video') {
      const still = take()?.find((asset) => asset.kind === 'image' && !isUnreadableAsset(asset))
      const cover = still && ownStored(still.src)
      if (cover) return cover
    }
  }
  return null
}
