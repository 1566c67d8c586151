import type { EditShot } from './editTimeline'

/** Shots back to back, as the presentation model times them. */
export function shotsOf(seconds: number[], more: Partial<EditShot>[] = []): EditShot[] {
  let start = 0
  return seconds.map((s, i) => {
    const shot: EditShot = { number: `1.${i + 1}`, title: `Shot ${i + 1}`, action: '', dialogue: '', transitionIn: 'cut', transitionInSeconds: null, seconds: s, startSeconds: start, ...more[i] }
    start += s
    return shot
  })
}
