// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, it } from 'vitest'
import { PresentationStage } from './PresentationStage'
import type { PresentationShot } from './presentationShots'

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
