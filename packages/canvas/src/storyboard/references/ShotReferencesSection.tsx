import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { ReferenceRoleSelect } from './ReferenceRoleSelect'
import { ReferenceThumbnail } from './ReferenceThumbnail'
import { referencePreview } from './referencePreview'
import { detachReference, locateShape, referenceBindingsOfShot } from './shotReferences'
import { isolatedName } from '@storyloom/shared/api/typedName'
import '../../styles/references.css'

/** The shot inspector's references: each with its role, a way to find it, and to unpin it. */
export function ShotReferencesSection({ shotId }: { shotId: TLShapeId }) {
  const editor = useEditor()
  const references = useValue(
    'shot references',
    () =>
      referenceBindingsOfShot(editor, shotId).map((binding) => {
        const shape = editor.getShape(binding.fromId)
        return { binding, name: shape ? referencePreview(editor, shape).name : '' }
      }),
    [editor, shotId],
  )
  return (
    <div className="shot-references" data-testid="shot-references">
      <span className="shot-inspector__label">{`References (${references.length})`}</span>
      {references.length === 0 && (
        <p className="shot-references__hint">Drop an image or paste a link onto the shot, or attach one from the reference library.</p>
      )}
      {references.map(({ binding, name }) => (
        <div key={binding.id} className="shot-references__item" data-testid="shot-reference" data-reference-id={binding.fromId}>
          <button type="button" className="shot-references__thumb" title="Show on the board" onClick={() => locateShape(editor, binding.fromId)}>
            <ReferenceThumbnail referenceId={binding.fromId} size={56} />
          </button>
          <div className="shot-references__body">
            <span className="shot-references__name" title={name}>
              {name}
            </span>
            <ReferenceRoleSelect binding={binding} />
          </div>
          <button
            type="button"
            className="shot-references__remove"
            aria-label={`Remove ${isolatedName(name)} from this shot`}
            title="Remove from this shot (the image stays on the board)"
            onClick={() => {
              editor.markHistoryStoppingPoint('remove reference')
              detachReference(editor, binding)
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
