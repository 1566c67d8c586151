import { tlenv } from 'tldraw'

/** How the undo and redo keys are written in notices and hints. */
export interface UndoKeys {
  readonly undo: string
  readonly redo: string
}

/**
 * The undo and redo keys as this platform writes them: "⌘Z" / "⇧⌘Z" on a Mac, iPad or iPhone
 * (Apple's order of modifiers), "Ctrl+Z" / "Ctrl+Y" elsewhere. `apple` defaults to tldraw's own
 * test (`tlenv.isDarwin`), so a hint says what tldraw's menus show next to Undo and Redo.
 * tldraw's `kbd` formatter does this for its menus but is not exported, and decides the platform
 * once at load.
 */
export function undoKeys(apple: boolean = tlenv.isDarwin): UndoKeys {
  return apple ? { undo: '⌘Z', redo: '⇧⌘Z' } : { undo: 'Ctrl+Z', redo: 'Ctrl+Y' }
}
