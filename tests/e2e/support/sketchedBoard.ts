import type { Page } from '@playwright/test'
import { b64Vecs } from '@tldraw/tlschema'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { drawShape } from '../../support/boardFixtures'
import type { SyncClient } from '../../support/syncClient'
import { longBoardShots } from './longBoard'

/** Long boards of sketched shots, and how far a long list of them is drawn (presentGridSketches, printSketches). */

/**
 * A new board of `count` shots in one scene, each with a stroke sketched in its frame, written
 * over sync as someone's client (an import, another tool) would; the client stays open.
 */
export async function sketchedBoard(serverUrl: string, name: string, count: number): Promise<{ boardId: string; client: SyncClient }> {
  const { boardId, client, scene, shots } = await longBoardShots(serverUrl, name, count)
  const records = shots.flatMap((shot, i) => {
    const points = Array.from({ length: 12 }, (_, p) => ({ x: p * 16, y: 30 + 20 * Math.sin((p + i) / 2) }))
    return [shot, { ...drawShape(`sketch${i}`, shot.id, b64Vecs.encodePoints(points, 2), 2), x: 20, y: 40 }]
  })
  client.doc.transact(() => putRecords(client.doc, [scene, ...records] as never))
  return { boardId, client }
}

/** How a list's sketches stand: items in all, on screen, within a screen of it, and with a picture. */
export type SketchesState = { items: number; onScreen: number; onScreenDrawn: number; near: number; drawn: number; firstDrawn: boolean; lastDrawn: boolean }

/** The state of the sketches in the `item`s of a list scrolled in `view` (CSS selectors). */
export function sketchesState(page: Page, { view, item }: { view: string; item: string }): Promise<SketchesState> {
  return page.evaluate(({ view, item }) => {
    const shown = document.querySelector(view)!.getBoundingClientRect()
    const items = Array.from(document.querySelectorAll(item))
    const drawn = (element: Element) => element.querySelector('.shot-sketch__image[src^="data:image/svg+xml"]') !== null
    const within = (element: Element, margin: number) => {
      const box = element.getBoundingClientRect()
      return box.bottom > shown.top - margin && box.top < shown.bottom + margin
    }
    const onScreen = items.filter((element) => within(element, 0))
    return {
      items: items.length,
      onScreen: onScreen.length,
      onScreenDrawn: onScreen.filter(drawn).length,
      near: items.filter((element) => within(element, shown.height)).length,
      drawn: items.filter(drawn).length,
      firstDrawn: drawn(items[0]!),
      lastDrawn: drawn(items.at(-1)!),
    }
  }, { view, item })
}
