import type { ShotDraft } from './generationFormModel'
import { UNTITLED_SHOT } from '../storyboard/shotTitleText'

/**
 * A shot as the generation form names it, "Shot 3 — Rooftop chase": the typed title in a `<bdi>`
 * (a right-to-left title keeps the dash in place, and copying it takes no invisible characters).
 */
export function ShotDraftName({ draft }: { draft: Pick<ShotDraft, 'number' | 'title'> }) {
  if (!draft.number && !draft.title) return UNTITLED_SHOT
  return (
    <>
      {draft.number && `Shot ${draft.number}`}
      {draft.number && draft.title && ' — '}
      {draft.title && <bdi>{draft.title}</bdi>}
    </>
  )
}
