import { atom, type Atom, type Editor } from 'tldraw'

/** The find bar of one board: whether it is open, what it finds, and how often it was asked to take the keyboard. */
export interface FindBarState {
  readonly open: boolean
  /** What was typed, kept while the bar is closed and opened again, as in an editor's find. */
  readonly query: string
  /** Grows with each Ctrl+F or "Find…": the bar then focuses its field, also when already open. */
  readonly request: number
}

const states = new WeakMap<Editor, Atom<FindBarState>>()

/** The find bar's state for `editor`'s board, shared by the action that opens it and the bar. */
export function findBarState(editor: Editor): Atom<FindBarState> {
  let state = states.get(editor)
  if (!state) states.set(editor, (state = atom('find bar', { open: false, query: '', request: 0 })))
  return state
}

/** Opens the find bar (or, open, gives its field the keyboard again). */
export function openFindBar(editor: Editor): void {
  findBarState(editor).update((state) => ({ ...state, open: true, request: state.request + 1 }))
}

/** Closes the find bar. */
export function closeFindBar(editor: Editor): void {
  findBarState(editor).update((state) => ({ ...state, open: false }))
}

/** Sets what the find bar finds. */
export function setFindQuery(editor: Editor, query: string): void {
  findBarState(editor).update((state) => ({ ...state, query }))
}
