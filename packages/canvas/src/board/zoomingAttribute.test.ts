import { describe, expect, it } from 'vitest'
import { atom, transact } from 'tldraw'
import { ZOOMING_ATTRIBUTE, ZOOMING_DETAIL_ZOOM, markZooming } from './zoomingAttribute'

/** A stand-in for tldraw's camera: its zoom, its camera state and its container's attributes. */
function fakeEditor(startZoom = 0.5) {
  const zoom = atom('zoom', startZoom)
  const state = atom<'idle' | 'moving'>('camera state', 'idle')
  const attributes = new Set<string>()
  const container = {
    toggleAttribute: (name: string, on: boolean) => void (on ? attributes.add(name) : attributes.delete(name)),
    removeAttribute: (name: string) => void attributes.delete(name),
  }
  const editor = {
    getContainer: () => container as unknown as HTMLElement,
    getZoomLevel: () => zoom.get(),
    getCameraState: () => state.get(),
  }
  return { editor, zoom, state, zooming: () => attributes.has(ZOOMING_ATTRIBUTE) }
}

describe('markZooming', () => {
  it('marks the container while a zoom is under way, not while panning, and clears it at rest', () => {
    const { editor, zoom, state, zooming } = fakeEditor()
    const stop = markZooming(editor)
    state.set('moving') // a pan: the camera moves at a constant zoom
    expect(zooming()).toBe(false)
    state.set('idle')
    // A zoom gesture: tldraw sets the camera, then marks it moving, in one transaction or two.
    transact(() => {
      zoom.set(0.4)
      state.set('moving')
    })
    expect(zooming()).toBe(true)
    zoom.set(0.3)
    expect(zooming()).toBe(true)
    state.set('idle')
    expect(zooming()).toBe(false)
    zoom.set(0.35)
    state.set('moving')
    expect(zooming()).toBe(false)
    zoom.set(0.4)
    expect(zooming()).toBe(true)
    stop()
    expect(zooming()).toBe(false)
  })

  it('leaves the detail in while the zoom is at or above the reading zoom, also mid-gesture', () => {
    const { editor, zoom, state, zooming } = fakeEditor(1)
    const stop = markZooming(editor)
    state.set('moving')
    zoom.set(1.5) // zooming in to read a shot
    expect(zooming()).toBe(false)
    zoom.set(ZOOMING_DETAIL_ZOOM)
    expect(zooming()).toBe(false)
    zoom.set(ZOOMING_DETAIL_ZOOM - 0.1) // on out, to an overview: the detail goes
    expect(zooming()).toBe(true)
    zoom.set(0.9) // and back in, still moving: it returns
    expect(zooming()).toBe(false)
    state.set('idle')
    stop()
  })
})
