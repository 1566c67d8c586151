// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { referenceLibraryEntries, referenceLibraryEntriesOf, type LibraryEntry } from './referenceLibrary'
import { attachReference, referenceBindingsOfReference, setReferenceRole } from './shotReferences'
import { disposeBoardsAfterEach, readWhileMounted, shotsAndImages } from './testing/referenceBoard'

disposeBoardsAfterEach()

/** Three shots, four images (three pinned, one not), and the library read by a reactor, as the open panel reads it. */
function board() {
  const { editor, shots, images } = shotsAndImages(4)
  attachReference(editor, images[0]!, shots[2]!)
  attachReference(editor, images[1]!, shots[0]!)
  attachReference(editor, images[2]!, shots[1]!, 'character')
  attachReference(editor, images[2]!, shots[0]!, 'character')
  editor.clearHistory()
  const seen: LibraryEntry[][] = []
  readWhileMounted('library reader', () => void seen.push(referenceLibraryEntriesOf(editor).get()))
  return { editor, shots, images, seen }
}

const ids = (entries: readonly LibraryEntry[]) => entries.map((e) => e.id)

describe("the reference library's entries", () => {
  it('list what the from-scratch computation lists, in reading order', () => {
    const { editor, images, seen } = board()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toEqual(referenceLibraryEntries(editor))
    expect(ids(seen[0]!)).toEqual([images[1], images[2], images[0], images[3]])
  })

  it('recompute nothing and keep every entry while someone types in a shot or moves a reference', () => {
    const { editor, shots, images, seen } = board()
    const before = seen[0]!
    for (const title of ['A', 'Ab', 'Abc']) editor.updateShape<TLShotShape>({ id: shots[1]!, type: 'shot', props: { title } })
    editor.store.mergeRemoteChanges(() => editor.updateShape({ id: images[2]!, type: 'image', x: 40 }))
    editor.updateShape<TLShotShape>({ id: shots[0]!, type: 'shot', x: 300 })
    expect(seen).toHaveLength(1)
    expect(referenceLibraryEntriesOf(editor).get()).toBe(before)
    expect(referenceLibraryEntries(editor)).toEqual(before)
  })

  it('follow pins, roles, renumbering, deletes and undo, changing only the entries concerned', () => {
    const { editor, shots, images, seen } = board()
    const latest = () => seen[seen.length - 1]!
    const entryOf = (id: string) => latest().find((e) => e.id === id)!
    const check = () => expect(latest()).toEqual(referenceLibraryEntries(editor))
    const untouched = entryOf(images[0]!)
    editor.markHistoryStoppingPoint()
    attachReference(editor, images[3]!, shots[1]!)
    check()
    expect(entryOf(images[3]!).uses.map((u) => u.shotNumber)).toEqual([expect.any(String)])
    expect(entryOf(images[0]!)).toBe(untouched)
    setReferenceRole(editor, referenceBindingsOfReference(editor, images[2]!)[0]!, 'location')
    check()
    expect(entryOf(images[2]!).uses.map((u) => u.binding.props.role).sort()).toEqual(['character', 'location'])
    // Shot 3 first: every number changes, and the order of the list with them.
    editor.updateShape<TLShotShape>({ id: shots[2]!, type: 'shot', props: { order: 'a0' as never } })
    check()
    expect(ids(latest())[0]).toBe(images[0])
    editor.deleteShapes([images[1]!])
    check()
    expect(ids(latest())).not.toContain(images[1])
    editor.undo()
    check()
    expect([...ids(latest())].sort()).toEqual([...ids(seen[0]!)].sort())
    expect(entryOf(images[3]!).uses).toEqual([])
  })
})
