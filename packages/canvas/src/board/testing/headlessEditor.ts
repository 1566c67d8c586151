import { Editor, defaultBindingUtils, defaultShapeUtils, defaultTools, type TLStore } from 'tldraw'
import { PAGE_ID, boardStore, boardStoreWith } from '../../sync/testing/boardFixtures'
import { undoOwnChangesOnly } from '../../sync/undoOwnChangesOnly'
import { boardBindingUtils, boardShapeUtils } from '../boardUtils'

// jsdom has no ResizeObserver; commands that bring shots into view watch the panels with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}

/**
 * A tldraw editor with the board's shapes and bindings over `store`, without a canvas on screen
 * (tests under jsdom). With no store given, a new board store with one page, current. The
 * caller disposes it.
 */
export function headlessBoardEditor(store?: TLStore): Editor {
  const editor = new Editor({
    store: store ?? boardStore(),
    shapeUtils: [...defaultShapeUtils, ...boardShapeUtils],
    bindingUtils: [...defaultBindingUtils, ...boardBindingUtils],
    tools: defaultTools,
    getContainer: () => document.body,
  })
  if (!store) {
    editor.createPage({ id: PAGE_ID, name: 'Page 1' })
    editor.setCurrentPage(PAGE_ID)
  }
  return editor
}

/**
 * A headless editor over a board with one page whose undo takes back only the person's own
 * changes (`undoOwnChangesOnly`), as an open board's does. The caller disposes it.
 */
export function headlessOwnUndoEditor(): Editor {
  const store = boardStoreWith()
  undoOwnChangesOnly(store)
  return headlessBoardEditor(store)
}
