import type { GenerationView } from '@storyloom/shared/generation/api'

/** What a shot's frame offers its viewer to cancel: only generations this browser started (the server checks too). */
export interface ShotCancelOffer {
  /** The shot's active generation (running, else next), when it is theirs. */
  current: string | null
  /** All of theirs still to finish for the shot, waiting ones first and the running one last. */
  all: readonly string[]
}

export const NOTHING_TO_CANCEL: ShotCancelOffer = { current: null, all: [] }

/**
 * The viewer's own unfinished generations of a shot, from the shot's `unfinished` ones (oldest
 * first) and the ids this browser started. The waiting ones come first in `all`: canceled after
 * the running one, the next would start in its place and run a moment before its own cancel.
 */
export function shotCancelOffer(unfinished: readonly GenerationView[], active: GenerationView | null, mine: ReadonlySet<string>): ShotCancelOffer {
  const own = unfinished.filter((g) => mine.has(g.id))
  if (own.length === 0) return NOTHING_TO_CANCEL
  const waiting = own.filter((g) => g.status !== 'running').map((g) => g.id)
  const running = own.filter((g) => g.status === 'running').map((g) => g.id)
  return { current: active && mine.has(active.id) ? active.id : null, all: [...waiting, ...running] }
}

/** Same offer: a frame does not draw again for an unchanged one. */
export function sameCancelOffer(a: ShotCancelOffer, b: ShotCancelOffer): boolean {
  return a.current === b.current && a.all.length === b.all.length && a.all.every((id, i) => id === b.all[i])
}
