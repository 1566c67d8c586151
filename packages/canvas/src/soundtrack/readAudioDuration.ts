/**
 * The length in seconds of an audio file this browser can play, or undefined when it cannot
 * play it (an unknown codec) or cannot tell its length. Read from the file's metadata by an
 * `<audio>`, which needs no decode of the whole file.
 */
export function readAudioDuration(file: Blob): Promise<number | undefined> {
  const url = URL.createObjectURL(file)
  const audio = new Audio()
  return new Promise<number | undefined>((resolve) => {
    audio.preload = 'metadata'
    audio.onloadedmetadata = () => resolve(Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : undefined)
    audio.onerror = () => resolve(undefined)
    audio.src = url
  }).finally(() => {
    audio.removeAttribute('src')
    URL.revokeObjectURL(url)
  })
}
