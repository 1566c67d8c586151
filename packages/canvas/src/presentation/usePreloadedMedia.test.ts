// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { ShotMedia } from '@storyloom/shared/storyboard/shotShape'
import { openAnimatedImage } from './animatedImage'
import { usePreloadedMedia } from './usePreloadedMedia'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

/**
 * In Chromium a fetch() of an address drops the picture loaded there from the page's image cache,
 * even while an Image holds it: the stage's <img> then downloaded the next shot's picture again at
 * the cut. What the page did, in order: `fetch <url>` and `image <url>`.
 */
let happened: string[] = []
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47])

beforeEach(() => {
  happened = []
  vi.stubGlobal('fetch', async (url: string) => {
    happened.push(`fetch ${url}`)
    return new Response(png, { headers: { 'content-type': 'image/png' } })
  })
  vi.stubGlobal(
    'Image',
    class {
      set src(url: string) {
        happened.push(`image ${url}`)
      }
      decode = () => Promise.resolve()
    },
  )
})
afterEach(() => vi.unstubAllGlobals())

const still = (src: string): ShotMedia => ({ assetId: 'asset:a' as ShotMedia['assetId'], src, kind: 'image' })

function Preloader({ media }: { media: ShotMedia[] }) {
  usePreloadedMedia(media, (src) => src)
  return null
}

async function preload(media: ShotMedia[]): Promise<Root> {
  const root = createRoot(document.createElement('div'))
  await act(async () => root.render(createElement(Preloader, { media })))
  return root
}

describe('the next shots’ pictures, preloaded', () => {
  it('fetches a still before loading it as an image, and the stage opening it at its cut fetches it no more', async () => {
    const root = await preload([still('/api/boards/b/assets/next-still')])
    await vi.waitFor(() => expect(happened).toEqual(['fetch /api/boards/b/assets/next-still', 'image /api/boards/b/assets/next-still']))
    // The stage's StageImage asks whether it is animated when its shot comes on.
    expect(await openAnimatedImage('/api/boards/b/assets/next-still', new AbortController().signal)).toBeNull()
    expect(happened).toHaveLength(2)
    act(() => root.unmount())
  })

  it('loads its pictures again when the service worker takes the page over (Chromium no longer finds the ones loaded before)', async () => {
    const workers = new EventTarget()
    Object.defineProperty(navigator, 'serviceWorker', { value: workers, configurable: true })
    try {
      const root = await preload([still('/api/boards/b/assets/claimed')])
      await vi.waitFor(() => expect(happened).toHaveLength(2))
      await act(async () => workers.dispatchEvent(new Event('controllerchange')))
      // Known to be a still: loaded again as an image, not fetched.
      await vi.waitFor(() => expect(happened).toEqual(['fetch /api/boards/b/assets/claimed', 'image /api/boards/b/assets/claimed', 'image /api/boards/b/assets/claimed']))
      act(() => root.unmount())
    } finally {
      Reflect.deleteProperty(navigator, 'serviceWorker')
    }
  })

  it('loads no image of a picture let go of before its fetch answered', async () => {
    let answer: (response: Response) => void = () => {}
    vi.stubGlobal('fetch', (url: string) => {
      happened.push(`fetch ${url}`)
      return new Promise<Response>((resolve) => (answer = resolve))
    })
    const root = await preload([still('/api/boards/b/assets/passed-by')])
    await act(async () => root.render(createElement(Preloader, { media: [] })))
    answer(new Response(png, { headers: { 'content-type': 'image/png' } }))
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    expect(happened).toEqual(['fetch /api/boards/b/assets/passed-by'])
    act(() => root.unmount())
  })
})

describe('opening a stage picture', () => {
  it('fetches again an address that did not answer with a picture', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      happened.push(`fetch ${url}`)
      return new Response('busy', { status: 503 })
    })
    const signal = new AbortController().signal
    await openAnimatedImage('/api/boards/b/assets/busy', signal)
    await openAnimatedImage('/api/boards/b/assets/busy', signal)
    expect(happened).toEqual(['fetch /api/boards/b/assets/busy', 'fetch /api/boards/b/assets/busy'])
  })
})
