import { AUDIO_MIME_TYPES, isAudioMimeType } from '@storyloom/shared/api/assets'
import type { BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'
import { MAX_SOUNDTRACK_NAME_LENGTH } from '@storyloom/shared/storyboard/soundtrack'
import { uploadAsset } from '../api/assetsApi'
import { readAudioDuration } from './readAudioDuration'

/** What the file picker offers: the types, and the extensions of files whose type the system does not know. */
export const SOUNDTRACK_ACCEPT = [...AUDIO_MIME_TYPES, '.mp3', '.wav', '.m4a', '.aac', '.ogg', '.oga', '.opus', '.flac'].join(',')

/** A soundtrack file refused before or by the upload, with what to tell the person. */
export class SoundtrackFileError extends Error {
  override readonly name = 'SoundtrackFileError'
}

/**
 * Uploads `file` to the board and returns the soundtrack that plays it from the start. The
 * browser must be able to play it (its length is read first); the server decides whether it is
 * audio it accepts, from its bytes.
 */
export async function uploadSoundtrack(boardId: string, file: File): Promise<BoardSoundtrack> {
  const duration = await readAudioDuration(file)
  if (duration === undefined) {
    throw new SoundtrackFileError('This browser cannot play that file. Choose an MP3, WAV, M4A (AAC), Ogg (Vorbis or Opus) or FLAC file.')
  }
  const uploaded = await uploadAsset(boardId, file)
  if (!isAudioMimeType(uploaded.mimeType)) throw new SoundtrackFileError('That file is not audio. Choose an MP3, WAV, M4A, Ogg or FLAC file.')
  return { src: uploaded.url, mimeType: uploaded.mimeType, name: file.name.slice(0, MAX_SOUNDTRACK_NAME_LENGTH), duration, startAt: 0 }
}
