import type { Sequence } from '@storyloom/shared/storyboard/sequence'

/**
 * The shot the light table traces under each shot: the one before it in reading order, within
 * its scene (the shots in No scene chain among themselves). The first shot of a scene has none:
 * a new scene is usually a new place or time, where the scene before's last panel would mislead.
 * Keyed by shot id; a shot with none is absent.
 */
export function shotsBefore(sequence: Sequence): ReadonlyMap<string, string> {
  const before = new Map<string, string>()
  let previous: (typeof sequence.entries)[number] | undefined
  for (const entry of sequence.entries) {
    if (previous && (previous.scene?.id ?? null) === (entry.scene?.id ?? null)) before.set(entry.shot.id, previous.shot.id)
    previous = entry
  }
  return before
}
