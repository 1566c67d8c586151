import type { Page } from '@playwright/test'
import { twoPeopleOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { dropFile, insertMediaFromToolbar, type TestFile } from './support/media'
import { sha256, solidPng } from './support/pngImage'

type ImageOnCanvas = { shapeId: string; src: string | null; w: number | null; h: number | null; mimeType: string | null }

/** The image shapes on a page's canvas, each with the asset it shows. */
function imagesOnPage(page: Page): Promise<ImageOnCanvas[]> {
  return page.evaluate(() => {
    const editor = window.editor!
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'image')
      .map((shape) => {
        const assetId = (shape.props as { assetId: Parameters<typeof editor.getAsset>[0] | null }).assetId
        const asset = assetId ? editor.getAsset(assetId) : undefined
        const props = asset?.type === 'image' ? asset.props : undefined
        return { shapeId: shape.id, src: props?.src ?? null, w: props?.w ?? null, h: props?.h ?? null, mimeType: props?.mimeType ?? null }
      })
  })
}

/** Checks the image is shared as a URL of the server at `serverUrl` (not inline), that URL serves exactly its bytes, and it shows on `page`. */
async function expectServedImage(serverUrl: string, page: Page, image: ImageOnCanvas, boardId: string, file: TestFile) {
  expect(image.src).toBe(`/api/boards/${boardId}/assets/${sha256(file.buffer)}`)
  const response = await fetch(new URL(image.src!, serverUrl))
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await response.arrayBuffer()).equals(file.buffer)).toBe(true)

  // The other person's browser loaded it from there and drew it.
  const shown = page.locator(`.tl-shape[data-shape-id="${image.shapeId}"] img`)
  await expect(shown).toHaveAttribute('src', image.src!)
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(image.w)
}

test('images inserted or dropped on the canvas are uploaded, shared by URL, and served by the server', async ({ newPerson, server }) => {
  const { boardId, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Location scout')

  // Ada inserts a still through the toolbar's Media button; Ben sees it, served from the server.
  const still: TestFile = { name: 'wide shot.png', mimeType: 'image/png', buffer: solidPng(160, 90, [200, 60, 40]) }
  await insertMediaFromToolbar(ada, still)
  await expect.poll(() => imagesOnPage(ben)).toEqual([
    expect.objectContaining({ src: expect.stringMatching(/^\/api\//), w: 160, h: 90, mimeType: 'image/png' }),
  ])
  const [fromAda] = await imagesOnPage(ben)
  expect(await imagesOnPage(ada)).toEqual([fromAda])
  await expectServedImage(server.url, ben, fromAda!, boardId, still)

  // Ben drops another one onto the canvas; Ada sees it.
  const closeUp: TestFile = { name: 'close-up.png', mimeType: 'image/png', buffer: solidPng(90, 120, [30, 90, 200]) }
  await dropFile(ben, closeUp, { x: 800, y: 300 })
  // (The shape may arrive a moment before its asset, which is shared only once uploaded.)
  await expect.poll(() => imagesOnPage(ada)).toEqual([
    fromAda,
    expect.objectContaining({ src: expect.stringMatching(/^\/api\//), w: 90, h: 120, mimeType: 'image/png' }),
  ])
  const fromBen = (await imagesOnPage(ada))[1]!
  await expectServedImage(server.url, ada, fromBen, boardId, closeUp)
})
