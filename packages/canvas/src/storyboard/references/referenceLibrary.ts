import type { Editor, TLShapeId } from 'tldraw'
import type { TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { REFERENCE_ROLE_IDS, type ReferenceRole } from '@storyloom/shared/storyboard/vocabulary'
import { shotNumbersOf } from '../shotNumbers'
import { referencePreview, type ReferencePreview } from './referencePreview'
import { DEFAULT_REFERENCE_ROLE } from './referenceRoles'
import { isReferenceShape, referenceBindingsOfReference } from './shotReferences'

/** One reference in the board's library: what it is and where it is used. */
export interface LibraryEntry {
  id: TLShapeId
  preview: ReferencePreview
  uses: { binding: TLReferenceBinding; shotNumber: string }[]
}

function compareShotNumbers(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true })
}

/**
 * Every image, clip and link on the current page, as the library lists them: those used by
 * shots first (in the order of the first shot that uses them), then the unused ones.
 */
export function referenceLibraryEntries(editor: Editor): LibraryEntry[] {
  const numbers = shotNumbersOf(editor).get()
  const entries = editor
    .getCurrentPageShapes()
    .filter(isReferenceShape)
    .map((shape) => ({
      id: shape.id,
      preview: referencePreview(editor, shape),
      uses: referenceBindingsOfReference(editor, shape.id)
        .map((binding) => ({ binding, shotNumber: numbers.get(binding.toId) ?? '' }))
        .sort((a, b) => compareShotNumbers(a.shotNumber, b.shotNumber)),
    }))
  return entries.sort((a, b) => {
    if (a.uses.length === 0 || b.uses.length === 0) return (a.uses.length === 0 ? 1 : 0) - (b.uses.length === 0 ? 1 : 0)
    return compareShotNumbers(a.uses[0]!.shotNumber, b.uses[0]!.shotNumber)
  })
}

/** The role a reference gets on another shot: the one it plays most often already. */
export function usualRole(roles: readonly ReferenceRole[]): ReferenceRole {
  let best: ReferenceRole = DEFAULT_REFERENCE_ROLE
  let bestCount = 0
  for (const role of REFERENCE_ROLE_IDS) {
    const count = roles.filter((r) => r === role).length
    if (count > bestCount) {
      best = role
      bestCount = count
    }
  }
  return best
}
