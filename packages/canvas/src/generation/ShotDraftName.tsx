import type { ShotDraft } from './generationFormModel'

/**
 * A shot as the generation form names it, "Shot 3 — Rooftop chase": the typed title in a `<bdi>`
 * (a right-to-left title keeps the dash in place, and copying it takes no invisible characters).
 */
export function ShotDraftName({ draft }: { draft: Pick<ShotDraft, 'number' | 'title'> }) {
  if (!draft.number && !draft.title) return 'Untitled shot'
  return (
    <>
      {draft.number && `Shot ${draft.number}`}
      {draft.number && draft.title && ' — '}
      {draft.title && <bdi>{draft.title}</bdi>}
    </>
  )
}
