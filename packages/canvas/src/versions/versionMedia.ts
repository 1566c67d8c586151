import type { ShotVersion, VersionAsset } from '@storyloom/shared/versions/shotVersion'

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
