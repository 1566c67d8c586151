import { atom, type Atom, type Editor } from 'tldraw'

/** The find bar of one board: whether it is open, what it finds, and how often it was asked to take the keyboard. */
export interface FindBarState {
  readonly open: boolean
  /** What was typed, kept while the bar is closed and opened again, as in an editor's find. */
  readonly query: string
  /** Grows with each Ctrl+F or "Find…": the bar then focuses its field, also when already open. */
  readonly request: number
  /**
   * The match last stepped to (a shot id), shown apart from the other matches: none until Enter
   * or an arrow, and none again once the bar closes, as the matches' highlights go with it.
   */
  readonly current: string | null
}

const states = new WeakMap<Editor, Atom<FindBarState>>()

/** The find bar's state for `editor`'s board, shared by the action that opens it and the bar. */
export function findBarState(editor: Editor): Atom<FindBarState> {
  let state = states.get(editor)
  if (!state) states.set(editor, (state = atom('find bar', { open: false, query: '', request: 0, current: null })))
  return state
}

/** Opens the find bar (or, open, gives its field the keyboard again). */
export function openFindBar(editor: Editor): void {
  findBarState(editor).update((state) => ({ ...state, open: true, request: state.request + 1 }))
}

/** Closes the find bar (its highlights go with it). */
export function closeFindBar(editor: Editor): void {
  findBarState(editor).update((state) => ({ ...state, open: false, current: null }))
}

/** Makes the shot `shotId` the current match. */
export function setFindCurrent(editor: Editor, shotId: string): void {
  findBarState(editor).update((state) => ({ ...state, current: shotId }))
}

/** Sets what the find bar finds. */
export function setFindQuery(editor: Editor, query: string): void {
  findBarState(editor).update((state) => ({ ...state, query }))
}
