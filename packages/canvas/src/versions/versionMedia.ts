import { isUnreadableAsset, VERSION_ASSET_MAX_SIDE, type ShotVersion, type TakeFileHeader, type VersionAsset } from '@storyloom/shared/versions/shotVersion'

/** The file a version shows: its clip when it has one (the moving take), else its first still. */
export function shownAsset(version: ShotVersion): VersionAsset {
  return version.assets.find((a) => a.kind === 'video') ?? version.assets[0]!
}

/**
 * Whether the file needs a `<video>`: only real video types. A clip rendered as an animated
 * WebP is `kind: 'video'` in the tree but plays in an `<img>`.
 */
export function needsVideoElement(asset: VersionAsset): boolean {
  return asset.mimeType.startsWith('video/')
}

/**
 * Why a take's file is not to be shown, or undefined: the server found its header damaged, or
 * declaring more than VERSION_ASSET_MAX_SIDE pixels a side (decoding it could exhaust the tab).
 */
export function unreadableFile(version: ShotVersion): Exclude<TakeFileHeader, 'read'> | undefined {
  return version.assets.find(isUnreadableAsset)?.header
}

/** What a person reads about an unreadable take's file. */
export function unreadableReason(why: Exclude<TakeFileHeader, 'read'>): string {
  return why === 'damaged'
    ? 'Its file is damaged: the server could not read its size.'
    : `Its file is larger than ${VERSION_ASSET_MAX_SIDE} pixels on a side: it is not loaded.`
}
