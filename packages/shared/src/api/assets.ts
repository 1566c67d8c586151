import { z } from 'zod'

/**
 * The media types an asset upload may have. The server decides the type from the file's first
 * bytes, never from the name or the declared Content-Type. SVG is deliberately absent: it can
 * carry script.
 */
export const PICTURE_MIME_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'video/mp4',
  'video/webm',
] as const
/** A picture's media type: what a shot, a take or the canvas shows. */
export type PictureMimeType = (typeof PICTURE_MIME_TYPES)[number]

/**
 * Audio a board's soundtrack may be (MP3, WAV, M4A/AAC, Ogg Vorbis or Opus, FLAC). Kept apart
 * from {@link PICTURE_MIME_TYPES}: an M4A is an MP4 file, but never a take or a clip on the canvas.
 */
export const AUDIO_MIME_TYPES = ['audio/mpeg', 'audio/wav', 'audio/mp4', 'audio/ogg', 'audio/flac'] as const
/** An audio file's media type. */
export type AudioMimeType = (typeof AUDIO_MIME_TYPES)[number]

/** Every media type an upload may have: pictures and audio. */
export const ASSET_MIME_TYPES = [...PICTURE_MIME_TYPES, ...AUDIO_MIME_TYPES] as const
export type AssetMimeType = (typeof ASSET_MIME_TYPES)[number]

/** Whether an uploaded file is audio (a soundtrack), not a picture. */
export function isAudioMimeType(mimeType: string): mimeType is AudioMimeType {
  return (AUDIO_MIME_TYPES as readonly string[]).includes(mimeType)
}

/**
 * Optional request header of an upload carrying the original file name, percent-encoded
 * (`encodeURIComponent`) because header values must be ASCII.
 */
export const ASSET_FILE_NAME_HEADER = 'X-File-Name'
export const ASSET_FILE_NAME_MAX_LENGTH = 255

/** An asset id: the lowercase hex sha256 of its bytes. */
export const assetIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a valid asset id (sha256, lowercase hex)')

/** Body of a successful upload (201). */
export const assetResponseSchema = z.object({
  id: assetIdSchema,
  /** Same-origin path to GET the file; store it in the tldraw asset's `src`. */
  url: z.string(),
  mimeType: z.enum(ASSET_MIME_TYPES),
  size: z.number().int().nonnegative(),
})
export type AssetResponse = z.infer<typeof assetResponseSchema>

/** Where an asset of a board is served. */
export function assetUrl(boardId: string, assetId: string): string {
  return `/api/boards/${boardId}/assets/${assetId}`
}

/** {@link assetUrl}'s shape and nothing else: no origin, query, fragment or extra segment. */
const BOARD_ASSET_URL = /^\/api\/boards\/([A-Za-z0-9_-]{16})\/assets\/([0-9a-f]{64})$/u

/** A board asset URL's board and asset (sha256), or undefined for any other string. */
export function parseBoardAssetUrl(url: string): { boardId: string; assetId: string } | undefined {
  const match = BOARD_ASSET_URL.exec(url)
  return match ? { boardId: match[1]!, assetId: match[2]! } : undefined
}

/**
 * Header of `POST …/assets` saying what the file is for: `take` uploads a take's file, refused
 * (nothing stored) unless it is a picture or clip whose header the server can read, at most
 * VERSION_ASSET_MAX_SIDE pixels on a side. A header, not a query, so that every other upload's
 * typed call stays as it is.
 */
export const ASSET_PURPOSE_HEADER = 'X-Asset-Purpose'

/** The file types a take (Upload take, Import frames) may be, in words for people. */
export const TAKE_FILE_TYPES = 'a PNG, JPEG, GIF, WebP or AVIF image, or an MP4 or WebM clip'
