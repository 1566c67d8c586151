import { describe, expect, it } from 'vitest'
import { atom, computed, react } from 'tldraw'
import { editorMirror } from './editorMirror'

describe('editorMirror', () => {
  it('follows its source, is shared per owner and name, and stops when the owner disposes', () => {
    const owner = { disposables: new Set<() => void>() }
    const zoom = atom('zoom', 1)
    const camera = atom('camera x', 0)
    const greeked = computed('greeked', () => (camera.get(), zoom.get() < 0.35))
    const mirror = editorMirror(owner, 'greeked', () => greeked.get())
    expect(editorMirror(owner, 'greeked', () => true)).toBe(mirror)
    const seen: boolean[] = []
    const stopReader = react('reader', () => void seen.push(mirror.get()))
    camera.set(10)
    zoom.set(0.2)
    camera.set(20)
    zoom.set(0.3)
    zoom.set(0.5)
    // The reader saw the first value and each change of it.
    expect(seen).toEqual([false, true, false])
    for (const dispose of owner.disposables) dispose()
    zoom.set(0.1)
    expect(mirror.get()).toBe(false)
    stopReader()
  })
})
