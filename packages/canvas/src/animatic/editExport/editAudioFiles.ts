import { fetchBytes } from '../soundtrackTrack'
import { AUDIO_FOLDER, withoutFiles, type EditAudio } from './editAudio'

/**
 * Fetches `audio`'s files as the stills' pictures are fetched and hands each to `add` as
 * `audio/<file name>`, as uploaded (already compressed, or not worth it). A file that cannot be
 * fetched is left out, of the edit too: the `audio` that is in the ZIP, and what was left out
 * ("The soundtrack", "The sound of shot 1.2"), for the user. Stops with `signal`'s reason when it aborts.
 */
export async function addSoundFiles(
  audio: EditAudio,
  { mediaUrl, signal, add }: { mediaUrl(src: string): string; signal: AbortSignal; add(name: string, bytes: Uint8Array): void },
): Promise<{ audio: EditAudio; missing: string[] }> {
  const missing: EditAudio['files'][number][] = []
  for (const file of audio.files) {
    try {
      add(`${AUDIO_FOLDER}/${file.fileName}`, new Uint8Array(await fetchBytes(mediaUrl(file.src), signal)))
    } catch (error) {
      if (signal.aborted) throw error
      missing.push(file)
    }
  }
  return { audio: withoutFiles(audio, missing.map((file) => file.src)), missing: missing.map((file) => file.what) }
}
