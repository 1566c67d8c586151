import type { TLShapeId } from 'tldraw'
import { useOpenGenerationForm } from './openGenerationForm'

/** The shot inspector's "Generate…" button (Shift+G does the same on the selection). */
export function GenerateShotButton({ shotId }: { shotId: TLShapeId }) {
  const open = useOpenGenerationForm()
  return (
    <button type="button" className="generate-shot-button" title="Generate images for this shot (Shift+G)" onClick={() => open({ shotIds: [shotId] })}>
      Generate…
    </button>
  )
}
