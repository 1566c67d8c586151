import { AUDIO_MIME_TYPES, isAudioMimeType } from '@storyloom/shared/api/assets'
import type { BoardAudioFile, BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'
import { MAX_SOUNDTRACK_NAME_LENGTH } from '@storyloom/shared/storyboard/soundtrack'
import { uploadAsset } from '../api/assetsApi'
import { loadClientConfig } from '../api/clientConfig'
import { readAudioDuration } from './readAudioDuration'

/** What the file picker offers: the types, and the extensions of files whose type the system does not know. */
export const AUDIO_FILE_ACCEPT = [...AUDIO_MIME_TYPES, '.mp3', '.wav', '.m4a', '.aac', '.ogg', '.oga', '.opus', '.flac'].join(',')

/** An audio file refused before or by the upload, with what to tell the person. */
export class AudioFileError extends Error {
  override readonly name = 'AudioFileError'
}

const MB = 1024 * 1024

/** What to tell someone whose file is larger than the board takes (`maxBytes`), or null when it fits. */
export function audioFileTooLarge(size: number, maxBytes: number): string | null {
  if (size <= maxBytes) return null
  const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10
  return `That file is ${mb(size)} MB; an audio file may be at most ${mb(maxBytes)} MB. Choose a shorter or compressed one (MP3, M4A, Ogg).`
}

/**
 * Uploads `file` to the board's asset store and returns it as a board audio file (a soundtrack or
 * a shot's sound). Refused before the upload when it is larger than the board takes or the browser
 * cannot play it (its length is read first); the server decides whether it is audio it accepts,
 * from its bytes.
 */
export async function uploadBoardAudio(boardId: string, file: File): Promise<BoardAudioFile> {
  const tooLarge = audioFileTooLarge(file.size, (await loadClientConfig()).maxAssetBytes)
  if (tooLarge) throw new AudioFileError(tooLarge)
  const duration = await readAudioDuration(file)
  if (duration === undefined) {
    throw new AudioFileError('This browser cannot play that file. Choose an MP3, WAV, M4A (AAC), Ogg (Vorbis or Opus) or FLAC file.')
  }
  const uploaded = await uploadAsset(boardId, file)
  if (!isAudioMimeType(uploaded.mimeType)) throw new AudioFileError('That file is not audio. Choose an MP3, WAV, M4A, Ogg or FLAC file.')
  return { src: uploaded.url, mimeType: uploaded.mimeType, name: file.name.slice(0, MAX_SOUNDTRACK_NAME_LENGTH), duration }
}

/** Uploads `file` as the board's soundtrack, played from the start of the file. */
export async function uploadSoundtrack(boardId: string, file: File): Promise<BoardSoundtrack> {
  return { ...(await uploadBoardAudio(boardId, file)), startAt: 0 }
}
