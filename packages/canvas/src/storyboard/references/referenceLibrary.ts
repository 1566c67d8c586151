import { computed, type Computed, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import type { TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { REFERENCE_ROLE_IDS, type ReferenceRole } from '@storyloom/shared/storyboard/vocabulary'
import { byReadingOrder } from '@storyloom/shared/storyboard/numbering'
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

/**
 * Library entries in reading order: each entry's uses in the order of their shots, then the
 * entries by their first shot, unused ones last. `numbers` lists the shots in reading order (as
 * shotNumbersOf does); the numbers themselves do not sort ("0.2", the shots in no scene, come last).
 */
export function inReadingOrder<Entry extends { uses: { binding: { toId: string } }[] }>(
  entries: Entry[],
  numbers: ReadonlyMap<string, string>,
): Entry[] {
  const compare = byReadingOrder(numbers)
  for (const entry of entries) entry.uses.sort((a, b) => compare(a.binding.toId, b.binding.toId))
  return byFirstUse(entries, compare)
}

/** Entries (their uses already in reading order) by their first shot, unused ones last; sorts in place. */
function byFirstUse<Entry extends { uses: { binding: { toId: string } }[] }>(entries: Entry[], compare: (a: string, b: string) => number): Entry[] {
  return entries.sort((a, b) => {
    if (a.uses.length === 0 || b.uses.length === 0) return (a.uses.length === 0 ? 1 : 0) - (b.uses.length === 0 ? 1 : 0)
    return compare(a.uses[0]!.binding.toId, b.uses[0]!.binding.toId)
  })
}

/**
 * Every image, clip and link on the current page, as the library lists them: those used by
 * shots first (in the order of the first shot that uses them), then the unused ones. Computed
 * from scratch; the panel reads {@link referenceLibraryEntriesOf}, which gives the same list.
 */
export function referenceLibraryEntries(editor: Editor): LibraryEntry[] {
  const numbers = shotNumbersOf(editor).get()
  const entries = editor.getCurrentPageShapes().filter(isReferenceShape).map((shape) => libraryEntry(editor, shape, numbers))
  return inReadingOrder(entries, numbers)
}

/** One reference's entry, its uses in the order of their shots. */
function libraryEntry(editor: Editor, shape: TLShape, numbers: ReadonlyMap<string, string>): LibraryEntry {
  const compare = byReadingOrder(numbers)
  const uses = referenceBindingsOfReference(editor, shape.id)
    .map((binding) => ({ binding, shotNumber: numbers.get(binding.toId) ?? '' }))
    .sort((a, b) => compare(a.binding.toId, b.binding.toId))
  return { id: shape.id, preview: referencePreview(editor, shape), uses }
}

const libraries = new WeakMap<Editor, Computed<LibraryEntry[]>>()

/**
 * {@link referenceLibraryEntries} as one reactive value per editor, memoised per reference: an
 * entry is recomputed only when its reference, its asset, its bindings or the shot numbers
 * change, and keeps its identity when it comes out the same; the list is re-sorted only when an
 * entry, the page's set of shapes or the numbers change. Typing in a shot or moving anything
 * while the panel is open recomputes nothing, where the whole list (every reference's preview,
 * bindings and numbers, then a sort) was rebuilt on every change to any shape.
 */
export function referenceLibraryEntriesOf(editor: Editor): Computed<LibraryEntry[]> {
  let library = libraries.get(editor)
  if (library) return library
  const numbers = shotNumbersOf(editor)
  const entries = editor.store.createComputedCache<LibraryEntry, TLShape>(
    'library entry',
    (shape) => libraryEntry(editor, shape, numbers.get()),
    { areResultsEqual: sameEntry },
  )
  library = computed(
    'reference library',
    () => {
      const list: LibraryEntry[] = []
      // Which shapes are references never changes for a shape: read the ids, not the records.
      for (const id of editor.getCurrentPageShapeIds()) {
        const shape = editor.store.unsafeGetWithoutCapture(id)
        const entry = shape && isReferenceShape(shape) ? entries.get(id) : undefined
        if (entry) list.push(entry)
      }
      return byFirstUse(list, byReadingOrder(numbers.get()))
    },
    { isEqual: (a: LibraryEntry[], b: LibraryEntry[]) => a.length === b.length && a.every((e, i) => e === b[i]) },
  )
  libraries.set(editor, library)
  return library
}

function sameEntry(a: LibraryEntry, b: LibraryEntry): boolean {
  const [p, q] = [a.preview, b.preview] as [Record<string, unknown>, Record<string, unknown>]
  return (
    a.id === b.id &&
    Object.keys(p).length === Object.keys(q).length &&
    Object.keys(p).every((key) => p[key] === q[key]) &&
    a.uses.length === b.uses.length &&
    a.uses.every((use, i) => use.binding === b.uses[i]!.binding && use.shotNumber === b.uses[i]!.shotNumber)
  )
}

const counts = new WeakMap<Editor, Computed<number>>()

/**
 * How many images, clips and links the current page holds (the panel's "References (N)"), as
 * one reactive value per editor. It reads only which shapes are on the page, never the shapes
 * themselves (a shape's type never changes): typing in a shot or moving anything does not
 * recount, where filtering every shape on the page did, on every change to any shape.
 */
export function referenceCountOf(editor: Editor): Computed<number> {
  let count = counts.get(editor)
  if (!count) {
    count = computed('reference count', () => {
      let n = 0
      for (const id of editor.getCurrentPageShapeIds()) {
        const shape = editor.store.unsafeGetWithoutCapture(id)
        if (shape && isReferenceShape(shape)) n++
      }
      return n
    })
    counts.set(editor, count)
  }
  return count
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
