import { memo, type Ref } from 'react'
import { useEditor, type TLShapeId } from 'tldraw'
import { REFERENCE_ROLES, entryOf } from '@storyloom/shared/storyboard/vocabulary'
import { ReferenceThumbnail } from './ReferenceThumbnail'
import { usualRole, type LibraryEntry } from './referenceLibrary'
import { attachReference, locateShape } from './shotReferences'

/** Where a row sits in the library's (virtual) list. */
interface RowPlace {
  ref: Ref<HTMLLIElement>
  /** 0-based position in the whole list. */
  index: number
  /** How many rows the whole list has. */
  setSize: number
  /** Pixels from the list's top. */
  offset: number
}

/**
 * One reference in the library: its picture, its roles and shots, and "attach to selected shots".
 * Memoised: entries keep their identity while unchanged, so an edit elsewhere re-renders no row.
 */
export const ReferenceLibraryItem = memo(function ReferenceLibraryItem({
  entry,
  selectedShots,
  ref,
  index,
  setSize,
  offset,
}: { entry: LibraryEntry; selectedShots: readonly TLShapeId[] } & RowPlace) {
  const editor = useEditor()
  const usedBy = new Set(entry.uses.map((u) => u.binding.toId))
  const attachable = selectedShots.filter((id) => !usedBy.has(id))
  const roles = [...new Set(entry.uses.map((u) => u.binding.props.role))]
  return (
    <li
      ref={ref}
      className="reference-library__item"
      data-testid="library-reference"
      data-reference-id={entry.id}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${offset}px)` }}
    >
      <button type="button" className="reference-library__thumb" title="Show on the board" onClick={() => locateShape(editor, entry.id)}>
        <ReferenceThumbnail referenceId={entry.id} size={72} />
      </button>
      <div className="reference-library__body">
        <span className="reference-library__name" title={entry.preview.name}>
          {entry.preview.name}
        </span>
        <span className="reference-library__roles">
          {roles.length === 0
            ? 'Not used yet'
            : roles.map((role) => (
                <span key={role} className="reference-library__role" data-role={role}>
                  {entryOf(REFERENCE_ROLES, role).label}
                </span>
              ))}
        </span>
        {entry.uses.length > 0 && (
          <span className="reference-library__shots" data-testid="library-reference-shots">
            {`Shot${entry.uses.length === 1 ? '' : 's'} ${entry.uses.map((u) => u.shotNumber).join(', ')}`}
          </span>
        )}
        <button
          type="button"
          className="reference-library__attach"
          disabled={attachable.length === 0}
          title={selectedShots.length === 0 ? 'Select the shots that should use it' : undefined}
          onClick={() => {
            const role = usualRole(entry.uses.map((u) => u.binding.props.role))
            editor.markHistoryStoppingPoint('attach reference')
            editor.run(() => {
              for (const shotId of attachable) attachReference(editor, entry.id, shotId, role)
            })
          }}
        >
          {selectedShots.length === 0
            ? 'Select shots to attach'
            : attachable.length === 0
              ? 'On the selected shots'
              : `Attach to ${attachable.length === 1 ? 'selected shot' : `${attachable.length} selected shots`}`}
        </button>
      </div>
    </li>
  )
})
