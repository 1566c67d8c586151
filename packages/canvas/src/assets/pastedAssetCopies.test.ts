// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import type { AssetCopyResponse } from '@storyloom/shared/api/assetCopies'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../board/testing/headlessEditor'
import type { AssetCopyOutcome } from './assetCopyQueue'
import { registerPastedAssetCopies } from './pastedAssetCopies'

const HERE = 'HereHereHereHere'
const sha = 'a'.repeat(64)
const theirs = `/api/boards/ThereThereThere0/assets/${sha}`
const ours = `/api/boards/${HERE}/assets/${sha}`

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

/** A board editor copying pasted pictures through `answer` (a stand-in for the server). */
function boardCopyingWith(answer: (urls: readonly string[]) => Promise<AssetCopyResponse>) {
  const editor = headlessBoardEditor()
  const outcomes: AssetCopyOutcome[] = []
  const copy = vi.fn(answer)
  const unregister = registerPastedAssetCopies(editor, { boardId: HERE, copy, report: (o) => outcomes.push(o) })
  cleanups.push(() => {
    unregister()
    editor.dispose()
  })
  return { editor, copy, outcomes }
}

/** Pastes a shot showing another board's picture, as tldraw's paste does (one undo step). */
function pasteShot(editor: Editor): TLShapeId {
  const id = createShapeId()
  editor.markHistoryStoppingPoint('paste')
  editor.createShape<TLShotShape>({ id, type: 'shot', x: 0, y: 0, props: { media: { assetId: `asset:${sha}` as never, src: theirs, kind: 'image' } } })
  return id
}

const srcOf = (editor: Editor, id: TLShapeId) => editor.getShape<TLShotShape>(id)?.props.media?.src

describe('pictures pasted from another board', () => {
  it('are copied and rewritten to this board’s URL, outside the undo history; a redo gets this board’s URL too', async () => {
    const { editor, copy } = boardCopyingWith((urls) => Promise.resolve({ copies: urls.map((from) => ({ from, url: ours })), refused: [] }))
    const shot = pasteShot(editor)
    await vi.waitFor(() => expect(srcOf(editor, shot)).toBe(ours))
    expect(copy).toHaveBeenCalledWith([theirs])

    editor.undo()
    expect(editor.getShape(shot)).toBeUndefined()
    editor.redo()
    expect(srcOf(editor, shot)).toBe(ours)
    // Pasted again: rewritten at once, not asked for again.
    expect(srcOf(editor, pasteShot(editor))).toBe(ours)
    expect(copy).toHaveBeenCalledTimes(1)
  })

  it('stay as pasted when the copy is refused, with the reason reported', async () => {
    const { editor, outcomes } = boardCopyingWith((urls) => Promise.resolve({ copies: [], refused: urls.map((from) => ({ from, code: 'board_forbidden' as const })) }))
    const shot = pasteShot(editor)
    await vi.waitFor(() => expect(outcomes).toEqual([{ kind: 'refused', urls: [theirs], code: 'board_forbidden' }]))
    expect(srcOf(editor, shot)).toBe(theirs)
  })

  it('leave a collaborator’s changes alone (their own browser copies them)', () => {
    const { editor, copy } = boardCopyingWith(() => Promise.reject(new Error('not asked')))
    const id = createShapeId()
    editor.store.mergeRemoteChanges(() => {
      editor.createShape<TLShotShape>({ id, type: 'shot', x: 0, y: 0, props: { media: { assetId: `asset:${sha}` as never, src: theirs, kind: 'image' } } })
    })
    expect(copy).not.toHaveBeenCalled()
  })
})
