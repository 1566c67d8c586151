import type { Editor } from 'tldraw'

/**
 * Until the person changes the board, undo has nothing to undo. tldraw records selection
 * changes in its undo history, so right after opening (or reloading) a board, Ctrl+Z would
 * clear the selection — closing the shot inspector and emptying an open Versions panel — and
 * light up Redo. This forgets such selection-only history until the person's first edit of the
 * document: Undo stays disabled and Ctrl+Z does nothing. From that edit on, undo is tldraw's own
 * (selection restored with each edit undone). Others' edits never count: they arrive as remote
 * changes, outside the local history. Returns the cleanup.
 */
export function undoOnlyOwnEdits(editor: Pick<Editor, 'store' | 'getCanUndo' | 'clearHistory'>): () => void {
  let edited = false
  // Registered first, so it has seen a change of the document before the listener below runs.
  const stopEdits = editor.store.listen(() => {
    edited = true
  }, { source: 'user', scope: 'document' })
  const stopSession = editor.store.listen(() => {
    if (!edited && editor.getCanUndo()) editor.clearHistory()
  }, { source: 'user', scope: 'session' })
  return () => {
    stopEdits()
    stopSession()
  }
}
