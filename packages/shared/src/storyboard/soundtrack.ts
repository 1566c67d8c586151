import { T } from '@tldraw/validate'
import { AUDIO_MIME_TYPES, parseBoardAssetUrl, type AudioMimeType } from '../api/assets'
import { MAX_URL_LENGTH } from './limits'
import { boundedNumber, boundedString } from './validators'

/** Longest soundtrack file name kept, in characters (the asset store keeps as many). */
export const MAX_SOUNDTRACK_NAME_LENGTH = 255
/** Longest soundtrack, in seconds (ten hours): far above any animatic, and a finite bound. */
export const MAX_SOUNDTRACK_SECONDS = 36_000

/**
 * An audio file uploaded to the board's asset store: the board's soundtrack, or a shot's own sound
 * (a line of dialogue, an effect). Only its URL is in the doc, never the file, as for a shot's picture.
 */
export interface BoardAudioFile {
  /** The board's asset URL of the file (`/api/boards/<board>/assets/<sha256>`). */
  src: string
  mimeType: AudioMimeType
  /** The file's name as it was uploaded, for the team (a reviewer is sent it empty). */
  name: string
  /** The file's length in seconds, as the uploading browser read it. */
  duration: number
}

/**
 * The board's soundtrack (scratch voice-over, temp music), which Present plays under the animatic
 * and Export video mixes in.
 */
export interface BoardSoundtrack extends BoardAudioFile {
  /** Seconds into the file heard at the animatic's first frame: skips a lead-in. */
  startAt: number
}

/** Validators of an audio file's fields: the URL must be a board asset URL and nothing else (no data:, no other site). */
const audioFileFields = {
  src: boundedString(MAX_URL_LENGTH).check((src) => {
    if (!parseBoardAssetUrl(src)) throw new T.ValidationError('Expected an uploaded asset URL (/api/boards/<board>/assets/<sha256>)')
  }),
  mimeType: T.literalEnum(...AUDIO_MIME_TYPES),
  name: boundedString(MAX_SOUNDTRACK_NAME_LENGTH),
  duration: boundedNumber(0, MAX_SOUNDTRACK_SECONDS, { minExclusive: true }),
}

/** Validator of an audio file on the board (a shot's sound). */
export const boardAudioFileValidator: T.ObjectValidator<BoardAudioFile> = T.object<BoardAudioFile>(audioFileFields)

/** Validator of a soundtrack. */
export const soundtrackValidator: T.ObjectValidator<BoardSoundtrack> = T.object<BoardSoundtrack>({
  ...audioFileFields,
  startAt: boundedNumber(0, MAX_SOUNDTRACK_SECONDS),
})
