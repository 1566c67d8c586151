import { useEditor, useValue } from 'tldraw'
import { ReferenceRoleSelect } from './ReferenceRoleSelect'
import { ReferenceThumbnail } from './ReferenceThumbnail'
import { referenceTagPlacements } from './referenceTagLayout'
import { locateShape } from './shotReferences'
import '../../styles/references.css'

/**
 * Role tags on the canvas (tldraw's `OnTheCanvas` layer, in page coordinates): under each
 * reference beside its shot, and as linked cards for references that live elsewhere. A tag is
 * the role menu, so changing a role is one click away where the reference is.
 */
export function ReferenceTags() {
  const editor = useEditor()
  const placements = useValue('reference tags', () => referenceTagPlacements(editor), [editor])
  return (
    <div className="reference-tags">
      {placements.map((p) =>
        p.kind === 'tag' ? (
          <div
            key={p.binding.id}
            className="reference-tag"
            data-testid="reference-tag"
            data-reference-id={p.binding.fromId}
            data-shot-id={p.binding.toId}
            style={{ left: p.x, top: p.y, width: p.w }}
          >
            <ReferenceRoleSelect binding={p.binding} />
          </div>
        ) : (
          <div
            key={p.binding.id}
            className="reference-linked"
            data-testid="reference-tag"
            data-reference-id={p.binding.fromId}
            data-shot-id={p.binding.toId}
            style={{ left: p.x, top: p.y, width: p.w }}
          >
            <button
              type="button"
              className="reference-linked__thumb"
              title="Show this reference on the board"
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => locateShape(editor, p.binding.fromId)}
            >
              <ReferenceThumbnail referenceId={p.binding.fromId} size={40} />
            </button>
            <ReferenceRoleSelect binding={p.binding} />
          </div>
        ),
      )}
    </div>
  )
}
