// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, it } from 'vitest'
import { PresentationStage } from './PresentationStage'
import type { PresentationShot } from './presentationShots'
import type { ShotTransitionFrame } from './shotTransition'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** The text alternative a screen reader gives the stage's picture of a shot numbered 1.2 with `title`. */
function stagePictureName(title: string): string | null {
  const shot = { id: 'shape:s2', number: '1.2', title, sceneName: null, scene: null, dialogue: '', action: '', moves: [], aspect: '16:9', media: { kind: 'image', src: '/media/s2.png' } }
  const html = renderToStaticMarkup(
    createElement(PresentationStage, { shot: shot as unknown as PresentationShot, offset: 0, playing: false, mediaUrl: (src) => src, sketchEditor: null }),
  )
  const container = document.createElement('div')
  container.innerHTML = html
  return container.querySelector('.presentation-stage__media')!.getAttribute('alt')
}

it('names the picture of an untitled shot by its number and "Untitled shot", as the review panel heads it', () => {
  expect(stagePictureName('')).toBe('Shot 1.2 · Untitled shot')
})

it('names the picture of a titled shot by its number and title', () => {
  // The title is isolated (U+2068…U+2069) as typed text is in every label: a right-to-left title keeps the number in place.
  expect(stagePictureName('Logo')).toBe('Shot 1.2 · \u2068Logo\u2069')
})

/** A shot with an image, as the stage gets it, numbered `number` in `aspect`. */
function imageShot(number: string, aspect: string): PresentationShot {
  const id = `shape:s${number}`
  return { id, number, title: '', sceneName: null, scene: null, dialogue: '', action: '', moves: [], aspect, media: { kind: 'image', src: `/media/${id}.png` }, seconds: 2 } as unknown as PresentationShot
}

it.each([
  ['dissolve', { kind: 'dissolve', progress: 0.5, outgoingOpacity: 0.5, incomingOpacity: 0.5, incomingReveal: 1 }],
  ['wipe', { kind: 'wipe', progress: 0.5, outgoingOpacity: 1, incomingOpacity: 1, incomingReveal: 0.5 }],
] as const)('during a %s, draws the guides once, for the incoming shot, outside the blended pictures', (_, blend) => {
  // jsdom has no layout: the stage measures the incoming picture's box, which is empty here.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  const container = document.createElement('div')
  const root = createRoot(container)
  // The shot before is 2.39:1, the incoming one 16:9: one set of guides, the incoming shot's.
  const transition: ShotTransitionFrame<PresentationShot> = { outgoing: imageShot('1.1', '2.39:1'), blend }
  act(() =>
    root.render(
      createElement(PresentationStage, { shot: imageShot('1.2', '16:9'), offset: 0.3, playing: false, mediaUrl: (src) => src, sketchEditor: null, transition, guides: 'thirds' }),
    ),
  )
  const guides = container.querySelectorAll('[data-testid="frame-guides"]')
  expect(guides).toHaveLength(1)
  expect(guides[0]!.closest('.presentation-stage__outgoing, .presentation-stage__incoming')).toBeNull()
  expect(guides[0]!.closest('.presentation-stage__frame')).not.toBeNull()
  const [, , width, height] = guides[0]!.getAttribute('viewBox')!.split(' ').map(Number)
  expect(width! / height!).toBeCloseTo(16 / 9)
  act(() => root.unmount())
})

it('shows the shot’s title whole on a tap, where there is no hover for its tooltip, cut again on the next tap and on the next shot', async () => {
  const container = document.createElement('div')
  const root = createRoot(container)
  const titled = (number: string, title: string) => ({ ...imageShot(number, '16:9'), title })
  const render = (shot: PresentationShot) =>
    act(async () => root.render(createElement(PresentationStage, { shot, offset: 0, playing: false, mediaUrl: (src) => src, sketchEditor: null })))
  const title = () => container.querySelector('.presentation-stage__title')!
  await render(titled('1.1', 'First sip — the hero moment with steam rising into the low sunlight'))
  expect(title().hasAttribute('data-whole')).toBe(false)
  await act(async () => (title() as HTMLElement).click())
  expect(title().hasAttribute('data-whole')).toBe(true)
  await act(async () => (title() as HTMLElement).click())
  expect(title().hasAttribute('data-whole')).toBe(false)
  // Whole, then the next shot: its title starts cut, as every title does.
  await act(async () => (title() as HTMLElement).click())
  await render(titled('1.2', 'Story cut'))
  expect(title().hasAttribute('data-whole')).toBe(false)
  await act(async () => root.unmount())
})
