import type { RefObject } from 'react'
import { AUDIO_FILE_ACCEPT } from './boardAudioFile'

/**
 * The hidden file picker of an audio file (the soundtrack, a shot's sound), opened by a button
 * that clicks it (`inputRef`); `onFile` gets the file chosen. Emptied after each choice, so the
 * same file can be chosen again after a refusal.
 */
export function AudioFileInput({ inputRef, label, onFile }: { inputRef: RefObject<HTMLInputElement | null>; label: string; onFile(file: File): void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={AUDIO_FILE_ACCEPT}
      hidden
      aria-label={label}
      onChange={(event) => {
        const file = event.currentTarget.files?.[0]
        event.currentTarget.value = ''
        if (file) onFile(file)
      }}
    />
  )
}
