import { useMemo } from 'react'
import { useEditor, useValue } from 'tldraw'
import { ReferenceRoleTag } from './ReferenceRoleTag'
import { ReferenceThumbnail } from './ReferenceThumbnail'
import { referenceTagPlacementsOf, tagArea, tagIsIn } from './referenceTagLayout'
import { locateShape } from './shotReferences'
import '../../styles/references.css'

/**
 * Role tags on the canvas (tldraw's `OnTheCanvas` layer, in page coordinates): under each
 * reference beside its shot, and as linked cards for references that live elsewhere. A tag is
 * the role menu, so changing a role is one click away where the reference is.
 */
export function ReferenceTags() {
  const editor = useEditor()
  const all = useValue(referenceTagPlacementsOf(editor))
  // Only the tags near the viewport are in the DOM: a board of 500 shots has 1,000 of them.
  // The area is coarse, so panning re-renders this only when it crosses into a new region.
  const areaKey = useValue('reference tag area', () => tagArea(editor.getViewportPageBounds(), editor.getZoomLevel()), [editor])
  const placements = useMemo(() => {
    if (areaKey === null) return []
    return all.filter((p) => tagIsIn(p, areaKey))
  }, [all, areaKey])
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
            <ReferenceRoleTag binding={p.binding} />
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
            <ReferenceRoleTag binding={p.binding} />
          </div>
        ),
      )}
    </div>
  )
}
