// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { PageRecordType } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { referenceCountOf } from './referenceLibrary'
import { isReferenceShape } from './shotReferences'
import { disposeBoardsAfterEach, readWhileMounted, shotsAndImages } from './testing/referenceBoard'

// Watched, to see which shapes the count looks at.
vi.mock('./shotReferences', async (original) => {
  const actual = await original<typeof import('./shotReferences')>()
  return { ...actual, isReferenceShape: vi.fn(actual.isReferenceShape) }
})

disposeBoardsAfterEach()

/** A page with three shots and five images; the count read by a reactor, as the panel reads it. */
function board() {
  const { editor, shots, images } = shotsAndImages(5)
  const seen: number[] = []
  readWhileMounted('reference count reader', () => void seen.push(referenceCountOf(editor).get()))
  return { editor, shots, images, seen }
}

describe('the reference count', () => {
  it('follows references added, deleted, undone and on another page', () => {
    const { editor, images, seen } = board()
    expect(seen).toEqual([5])
    editor.markHistoryStoppingPoint()
    editor.deleteShapes(images.slice(0, 2))
    editor.createShape({ type: 'geo', x: 0, y: 900 })
    expect(referenceCountOf(editor).get()).toBe(3)
    editor.undo()
    expect(referenceCountOf(editor).get()).toBe(5)
    const other = PageRecordType.createId('other')
    editor.createPage({ id: other, name: 'Page 2' })
    editor.setCurrentPage(other)
    expect(referenceCountOf(editor).get()).toBe(0)
    editor.createShape({ type: 'image', x: 0, y: 0, props: { w: 10, h: 10 } })
    expect(referenceCountOf(editor).get()).toBe(1)
    expect(seen).toEqual([5, 3, 5, 0, 1])
  })

  it('looks at no shape while someone types in a shot or moves a reference', () => {
    const { editor, shots, images } = board()
    vi.mocked(isReferenceShape).mockClear()
    for (const title of ['A', 'Ab', 'Abc']) editor.updateShape<TLShotShape>({ id: shots[1]!, type: 'shot', props: { title } })
    editor.store.mergeRemoteChanges(() => editor.updateShape({ id: images[2]!, type: 'image', x: 40 }))
    expect(referenceCountOf(editor).get()).toBe(5)
    expect(isReferenceShape).not.toHaveBeenCalled()
  })
})
