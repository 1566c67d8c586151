/** What a key does in a presentation (Present, a review link). */
export type PresentationKeyCommand = 'play' | 'next' | 'previous' | 'home' | 'end' | 'grid' | 'fullscreen' | 'mute' | 'time' | 'guides' | 'close'

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

const COMMANDS: Record<string, PresentationKeyCommand> = {
  ' ': 'play',
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  Home: 'home',
  End: 'end',
  g: 'grid',
  f: 'fullscreen',
  m: 'mute',
  t: 'time',
  // O, as Nuke's viewer toggles its overlays: G (the grid) is taken, C reads as captions (YouTube),
  // J K L and I are a player's shuttle and in point, and R (rule of thirds) misnames the safe areas.
  o: 'guides',
  Escape: 'close',
}

/**
 * The command of a key press, or null. Letters are read whatever their case (Caps Lock on, or
 * Shift held, gives "G"); with Ctrl, ⌘ or Alt the key is the browser's (Ctrl+F, ⌘+G find).
 */
export function presentationKeyCommand(event: KeyPress): PresentationKeyCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  return COMMANDS[key] ?? null
}

/** Ctrl+Z (⌘Z on a Mac) undoes, with Shift redoes, as on the canvas; null for any other key. */
export function undoKeyCommand(event: KeyPress): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'z') return null
  return event.shiftKey ? 'redo' : 'undo'
}
