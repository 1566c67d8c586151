/** The upload grew past the allowed size; nothing was stored. */
export class AssetTooLargeError extends Error {
  override readonly name = 'AssetTooLargeError'
  constructor(readonly maxBytes: number) {
    super(`file is larger than ${maxBytes} bytes`)
  }
}

/** The file's first bytes are not those of an accepted media type; nothing was stored. */
export class UnsupportedAssetTypeError extends Error {
  override readonly name = 'UnsupportedAssetTypeError'
  constructor() {
    super('file is not a PNG, JPEG, GIF, WebP or AVIF image, an MP4 or WebM video, nor MP3, WAV, M4A, Ogg (Vorbis or Opus) or FLAC audio')
  }
}

/** The board an asset was uploaded to no longer exists (deleted during the upload). */
export class AssetBoardNotFoundError extends Error {
  override readonly name = 'AssetBoardNotFoundError'
  constructor(
    readonly boardId: string,
    options?: ErrorOptions,
  ) {
    super(`board ${boardId} does not exist`, options)
  }
}
