import { describe, expect, it } from 'vitest'
import { presentationKeyCommand, undoKeyCommand } from './presentationKeys'

const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
})

describe('presentationKeyCommand', () => {
  it('reads G, F, M and O whatever their case: Caps Lock or Shift held still open the grid or full screen, mute, or show the guides', () => {
    expect(presentationKeyCommand(key('g'))).toBe('grid')
    expect(presentationKeyCommand(key('M'))).toBe('mute')
    expect(presentationKeyCommand(key('G'))).toBe('grid')
    expect(presentationKeyCommand(key('G', { shiftKey: true }))).toBe('grid')
    expect(presentationKeyCommand(key('f'))).toBe('fullscreen')
    expect(presentationKeyCommand(key('F', { shiftKey: true }))).toBe('fullscreen')
    expect(presentationKeyCommand(key('t'))).toBe('time')
    expect(presentationKeyCommand(key('T', { shiftKey: true }))).toBe('time')
    expect(presentationKeyCommand(key('o'))).toBe('guides')
    expect(presentationKeyCommand(key('O', { shiftKey: true }))).toBe('guides')
  })

  it('leaves keys with Ctrl, ⌘ or Alt to the browser (Ctrl+F finds, ⌘+G finds again)', () => {
    for (const mod of ['ctrlKey', 'metaKey', 'altKey'] as const) {
      expect(presentationKeyCommand(key('f', { [mod]: true }))).toBeNull()
      expect(presentationKeyCommand(key('G', { [mod]: true, shiftKey: true }))).toBeNull()
      expect(presentationKeyCommand(key('ArrowRight', { [mod]: true }))).toBeNull()
    }
  })

  it('plays, steps, goes to the start or the end and closes', () => {
    expect(presentationKeyCommand(key(' '))).toBe('play')
    expect(presentationKeyCommand(key('ArrowRight'))).toBe('next')
    expect(presentationKeyCommand(key('ArrowLeft'))).toBe('previous')
    expect(presentationKeyCommand(key('Home'))).toBe('home')
    expect(presentationKeyCommand(key('End'))).toBe('end')
    expect(presentationKeyCommand(key('Escape'))).toBe('close')
    expect(presentationKeyCommand(key('x'))).toBeNull()
  })

  it('gives Ctrl+Z and ⌘Z to undo, with Shift to redo, and nothing else', () => {
    expect(undoKeyCommand(key('z', { ctrlKey: true }))).toBe('undo')
    expect(undoKeyCommand(key('z', { metaKey: true }))).toBe('undo')
    expect(undoKeyCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo')
    expect(undoKeyCommand(key('z'))).toBeNull()
    expect(undoKeyCommand(key('z', { ctrlKey: true, altKey: true }))).toBeNull()
    expect(undoKeyCommand(key('y', { ctrlKey: true }))).toBeNull()
  })
})
