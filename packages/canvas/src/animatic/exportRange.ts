import type { Transition } from '@storyloom/shared/storyboard/vocabulary'
import type { PresentationScene } from '../presentation/presentationShots'

/**
 * Which shots an export takes (its Shots choice): the whole board, one scene, or the shots that
 * were selected on the canvas. Export video and Export for editing both ask {@link exportRange}.
 */
export type ExportRangeChoice =
  | { readonly kind: 'board' }
  | { readonly kind: 'scene'; readonly sceneId: string }
  | { readonly kind: 'selection'; readonly shotIds: readonly string[] }

/** A scene as the range names it (the presentation model's PresentationScene). */
export type RangeScene = PresentationScene

/** What of a shot the range needs (the presentation model's PresentationShot has all of it). */
export interface RangeShot {
  readonly id: string
  readonly scene: { readonly id: string } | null
  readonly seconds: number
  /** When it starts: on the board's timeline in the model, in the range's in the range. */
  readonly startSeconds: number
  readonly transitionIn: Transition
  readonly transitionInSeconds: number | null
}

/** An unbroken stretch of the board's timeline that the range plays. */
export interface RangeSegment {
  /** Where it starts on the whole board's timeline. */
  readonly boardStartSeconds: number
  /** Where it starts in the range. */
  readonly startSeconds: number
  readonly seconds: number
}

/** The shots an export takes, timed as the range plays them. */
export interface ExportRange<S extends RangeShot> {
  readonly choice: ExportRangeChoice
  /** The chosen scene (null for the whole board, a selection, or a scene no longer on the board). */
  readonly scene: RangeScene | null
  /** In sequence order, each keeping its board number, its `startSeconds` counted from the range's first frame. */
  readonly shots: readonly S[]
  readonly totalSeconds: number
  /** Where the range's shots sit on the board's timeline: one segment for a scene, one per unbroken run of a selection. */
  readonly segments: readonly RangeSegment[]
}

/**
 * The shots of `model` (the presentation model: sequence order, board timing) that `choice`
 * takes, back to back from 0 so the export's first frame is the range's first (timecode from
 * 01:00:00:00 there). The whole board is as the model has it. Any other range starts on its first
 * shot's picture as a cut, unless that shot fades in (then it fades in from black, as the board's
 * first shot does): a dissolve or wipe from a shot left out of the export has nothing to blend from.
 */
export function exportRange<S extends RangeShot>(model: { shots: readonly S[]; scenes: readonly RangeScene[] }, choice: ExportRangeChoice): ExportRange<S> {
  if (choice.kind === 'board') {
    const last = model.shots.at(-1)
    const totalSeconds = last ? last.startSeconds + last.seconds : 0
    return { choice, scene: null, shots: model.shots, totalSeconds, segments: last ? [{ boardStartSeconds: 0, startSeconds: 0, seconds: totalSeconds }] : [] }
  }
  const scene = choice.kind === 'scene' ? (model.scenes.find((s) => s.id === choice.sceneId) ?? null) : null
  const selected = choice.kind === 'selection' ? new Set(choice.shotIds) : null
  const taken = (shot: S) => (selected ? selected.has(shot.id) : scene !== null && shot.scene?.id === scene.id)

  const segments: { boardStartSeconds: number; startSeconds: number; seconds: number }[] = []
  const shots: S[] = []
  let end = 0
  let previousIndex = -2
  model.shots.forEach((shot, index) => {
    if (!taken(shot)) return
    let segment = segments.at(-1)
    if (!segment || previousIndex !== index - 1) {
      segment = { boardStartSeconds: shot.startSeconds, startSeconds: end, seconds: 0 }
      segments.push(segment)
    }
    const startSeconds = segment.startSeconds + (shot.startSeconds - segment.boardStartSeconds)
    const opening = shots.length === 0 && shot.transitionIn !== 'fade' ? { transitionIn: 'cut' as const, transitionInSeconds: null } : {}
    shots.push({ ...shot, ...opening, startSeconds })
    segment.seconds = startSeconds + shot.seconds - segment.startSeconds
    end = startSeconds + shot.seconds
    previousIndex = index
  })
  return { choice, scene, shots, totalSeconds: end, segments }
}

/** What an export's Shots choice offers besides the whole board. */
export interface ExportRangeOffer {
  readonly scenes: readonly RangeScene[]
  /** How many of the shots selected on the canvas are on the board (0: no Selected shots choice). */
  readonly selected: number
}

/**
 * The choices an export dialog offers: from the main menu, every scene of the board and the shots
 * selected when it opened; from Present (`presentedShotId`, the shot on screen), only that shot's scene.
 */
export function exportRangeOffer(
  model: { shots: readonly RangeShot[]; scenes: readonly RangeScene[] },
  { selectedShotIds = [], presentedShotId }: { selectedShotIds?: readonly string[]; presentedShotId?: string | null },
): ExportRangeOffer {
  if (presentedShotId !== undefined) {
    const sceneId = model.shots.find((shot) => shot.id === presentedShotId)?.scene?.id
    return { scenes: model.scenes.filter((scene) => scene.id === sceneId), selected: 0 }
  }
  const selected = new Set(selectedShotIds)
  return { scenes: model.scenes, selected: model.shots.filter((shot) => selected.has(shot.id)).length }
}

/** The range's tag in file and sequence names: `sc03` for scene 3, `selection`; null for the whole board. */
function rangeTag(range: ExportRange<RangeShot>): string | null {
  switch (range.choice.kind) {
    case 'board':
      return null
    case 'scene':
      return `sc${String(range.scene?.number ?? 0).padStart(2, '0')}`
    case 'selection':
      return 'selection'
  }
}

/** A file name's base saying the range: `harbour-spot-sc03`, `harbour-spot-selection`, or `base` for the whole board. */
export function rangeFileBase(base: string, range: ExportRange<RangeShot>): string {
  const tag = rangeTag(range)
  return tag ? `${base}-${tag}` : base
}

/** The edit's sequence name (XML and EDL): the board's name, then the range's tag ("Harbour spot sc03"). */
export function rangeSequenceTitle(boardName: string, range: ExportRange<RangeShot>): string {
  return [boardName.trim(), rangeTag(range)].filter(Boolean).join(' ')
}

/** Why `range` has nothing to export (its Export button is disabled), or null when it has shots. */
export function emptyRangeReason(range: ExportRange<RangeShot>): string | null {
  if (range.shots.length > 0) return null
  switch (range.choice.kind) {
    case 'board':
      return 'The board has no shots.'
    case 'scene':
      return range.scene ? `Scene ${range.scene.number} has no shots.` : 'This scene is no longer on the board.'
    case 'selection':
      return 'The selected shots are no longer on the board.'
  }
}
