import type { Page } from '@playwright/test'
import type { TLShape } from '@tldraw/tlschema'
import { b64Vecs } from '@tldraw/tlschema'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { bindingRecord, drawShape, imageAssetRecord, motionShape, uploadedImageShape } from '../support/boardFixtures'
import { boardUrl, createBoard, openBoard } from './support/boardPage'
import { shapesOnPage, shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { sha256, solidPng } from './support/pngImage'
import { expectStripNumbers, selectedIds, stripCard, stripOrder } from './support/sequenceStrip'
import { shotCentre } from './support/settled'

type Shot = TLShape & { props: { sceneId: string | null; activeVersionId: string | null; status: string; media: { src: string } | null } }
type Binding = { type: string; fromId: string; toId: string; props: Record<string, unknown> }

/**
 * A board of one scene of three shots; the second has a picture (a take of its own, approved by a
 * reviewer), a sketch in its frame, a camera move and a reference pinned in its column.
 */
async function boardOfThree(serverUrl: string): Promise<{ boardId: string; second: string; pictureId: string; close: () => void }> {
  const { boardId, client, scene, shots } = await longBoardShots(serverUrl, 'Harbour', 3)
  const picture = solidPng(16, 9, [200, 120, 40])
  const pictureId = sha256(picture)
  const uploaded = await fetch(`${serverUrl}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(picture) })
  if (uploaded.status !== 201) throw new Error(`uploading the picture failed: ${uploaded.status}`)
  // Canvas indexes of their own (longBoardShots gives every shot 'a1'; tldraw duplicates between indexes).
  shots.forEach((shot, i) => Object.assign(shot, { index: `a${i + 1}` }))
  const second = shots[1]!
  Object.assign(second.props, {
    activeVersionId: 'v_AAAAAAAAAAAAAAAA',
    status: 'approved',
    media: { assetId: `asset:${pictureId}`, src: `/api/boards/${boardId}/assets/${pictureId}`, kind: 'image' },
  })
  const page = second.parentId
  const sketch = { ...drawShape('sketch', second.id, b64Vecs.encodePoints([{ x: 0, y: 0 }, { x: 60, y: 30 }], 2), 2), x: 20, y: 40 }
  const pan = { ...motionShape('pan', page), x: second.x, y: second.y }
  const reference = { ...uploadedImageShape('ref', page, 'ref'), x: second.x + second.props.w + 16, y: second.y }
  client.doc.transact(() =>
    putRecords(client.doc, [
      scene, ...shots, sketch, pan, reference,
      imageAssetRecord('ref', `/api/boards/${boardId}/assets/ref`),
      bindingRecord('pan', 'annotation', 'pan', second.id.slice('shape:'.length)),
      bindingRecord('ref', 'reference', 'ref', second.id.slice('shape:'.length), { role: 'character' }),
    ] as never),
  )
  return { boardId, second: second.id, pictureId, close: () => client.destroy() }
}

/** The bindings (camera moves, references) to a shot. */
const bindingsTo = (page: Page, shotId: string) =>
  page.evaluate(
    (id) => (window.editor as unknown as { store: { allRecords(): (Binding & { typeName: string })[] } }).store.allRecords().filter((r) => r.typeName === 'binding' && r.toId === id),
    shotId,
  )

type Place = { type: string; x: number; y: number; w: number; h: number }

/** Every shape's page bounds and type, by id. */
const places = async (page: Page): Promise<Map<string, Place>> =>
  new Map(
    await page.evaluate(() => {
      const editor = window.editor as unknown as { getCurrentPageShapes(): TLShape[]; getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } }
      return editor.getCurrentPageShapes().map((shape) => {
        const { x, y, w, h } = editor.getShapePageBounds(shape.id)
        return [shape.id, { type: shape.type, x, y, w, h }] as [string, Place]
      })
    }),
  )

/** Selects a shot with a click on its strip card, which gives the keyboard back to the canvas. */
async function select(page: Page, shotId: string): Promise<void> {
  await stripCard(page, shotId).getByRole('button', { name: /^Shot / }).click()
  await expect(page.locator('.tl-container')).toBeFocused()
  await expect.poll(() => selectedIds(page)).toEqual([shotId])
}

/** The HTML on the clipboard ('' when it holds none). */
const clipboardHtml = (page: Page) =>
  page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    return item?.types.includes('text/html') ? await (await item.getType('text/html')).text() : ''
  })

/** The shot that was not there before. */
async function newShot(page: Page, before: string[]): Promise<Shot> {
  await expect.poll(async () => (await shotsOnPage(page)).length).toBe(before.length + 1)
  return (await shotsOnPage(page)).find((shot) => !before.includes(shot.id)) as Shot
}

test('Ctrl+D on a shot puts the copy right after it in its scene, with its sketch, camera move and reference, its picture but no takes or verdict, in one undo step', async ({ newPerson, server }) => {
  const { boardId, second, close } = await boardOfThree(server.url)
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))
  await expectStripNumbers(page, ['1.1', '1.2', '1.3'])
  const before = (await stripOrder(page)).map(([id]) => id)
  const original = (await shotsOnPage(page)).find((shot) => shot.id === second) as Shot
  const placesBefore = await places(page)

  await select(page, second)
  await page.keyboard.press('Control+d')
  const copy = await newShot(page, before)

  await expectStripNumbers(page, ['1.1', '1.2', '1.3', '1.4'])
  expect((await stripOrder(page)).map(([id]) => id)).toEqual([before[0], second, copy.id, before[2]])
  expect(copy.props.sceneId).toBe(original.props.sceneId)
  expect(copy.props.media?.src).toBe(original.props.media?.src)
  expect(copy.props.activeVersionId).toBeNull()
  expect(copy.props.status).toBe('draft')
  const shapes = await shapesOnPage(page)
  expect(shapes.filter((shape) => shape.parentId === copy.id && shape.type === 'draw')).toHaveLength(1)
  const pinned = await bindingsTo(page, copy.id)
  expect(pinned.map((b) => b.type).sort()).toEqual(['annotation', 'reference'])
  expect(pinned.find((b) => b.type === 'reference')?.props).toEqual({ role: 'character' })
  // The copy's camera move and docked reference are its own, beside it, not the original's.
  expect(pinned.every((b) => b.fromId !== 'shape:pan' && b.fromId !== 'shape:ref')).toBe(true)
  // The original keeps everything.
  expect((await bindingsTo(page, second)).map((b) => b.fromId).sort()).toEqual(['shape:pan', 'shape:ref'])

  // On the canvas the copy takes the slot after its original, as "new shot after" does: the row
  // still reads in sequence order, with the same gap on both sides of the copy, and the shot
  // after it slid right; its camera move and reference sit on it as the original's sit on it.
  const third = before[2]!
  const placed = await places(page)
  const [o, c, t] = [placed.get(second)!, placed.get(copy.id)!, placed.get(third)!]
  expect(c.y).toBe(o.y)
  expect(t.y).toBe(o.y)
  const gap = c.x - (o.x + o.w)
  expect(gap).toBeGreaterThan(0)
  expect(t.x - (c.x + c.w)).toBe(gap)
  expect(t.x).toBeGreaterThan(placesBefore.get(third)!.x)
  expect(placed.get(before[0]!)).toEqual(placesBefore.get(before[0]!))
  const overlapping = (a: Place, b: Place) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
  expect([...placed].filter(([id, box]) => id !== copy.id && box.type === 'shot' && overlapping(box, c)).map(([id]) => id)).toEqual([])
  const pinnedBox = (type: string) => placed.get(pinned.find((b) => b.type === type)!.fromId)!
  const [move, ref, theirRef] = [pinnedBox('annotation'), pinnedBox('reference'), placed.get('shape:ref')!]
  // The camera move is drawn over the copy's frame; the reference sits beside the copy as the original's does.
  expect(move.x >= c.x && move.y >= c.y && move.x + move.w <= c.x + c.w && move.y + move.h <= c.y + c.h).toBe(true)
  expect({ dx: ref.x - c.x, dy: ref.y - c.y }).toEqual({ dx: theirRef.x - o.x, dy: theirRef.y - o.y })

  await page.keyboard.press('Control+z')
  await expectStripNumbers(page, ['1.1', '1.2', '1.3'])
  expect((await shapesOnPage(page)).length).toBe(shapes.length - 4)
  expect(await places(page)).toEqual(placesBefore)
  close()
})

test('Two shots duplicated at once keep their order, each right after its original', async ({ newPerson, server }) => {
  const { boardId, second, close } = await boardOfThree(server.url)
  const page = await newPerson()
  await openBoard(page, boardUrl(server.url, boardId))
  await expectStripNumbers(page, ['1.1', '1.2', '1.3'])
  const before = (await shotsOnPage(page)).map((shot) => shot.id)
  const [first, , third] = (await stripOrder(page)).map(([id]) => id)
  await select(page, second)
  const at = await shotCentre(page, first!)
  await page.keyboard.down('Shift')
  await page.mouse.click(at.x, at.y)
  await page.keyboard.up('Shift')
  await expect.poll(async () => (await selectedIds(page)).sort()).toEqual([first, second].sort())
  await page.keyboard.press('Control+d')
  await expect.poll(async () => (await shotsOnPage(page)).length).toBe(5)
  const order = (await stripOrder(page)).map(([id]) => id)
  expect(order[0]).toBe(first)
  expect(order[2]).toBe(second)
  expect(order[4]).toBe(third)
  expect(before).not.toContain(order[1])
  expect(before).not.toContain(order[3])
  close()
})

test('A shot copied on one board and pasted on another lands in no scene, shows its picture, copied to that board, and has no takes of that board', async ({ newPerson, server }) => {
  const { boardId, second, pictureId, close } = await boardOfThree(server.url)
  const other = await createBoard(server.url, 'Lighthouse')
  const page = await newPerson({ permissions: ['clipboard-read', 'clipboard-write'] })
  await openBoard(page, boardUrl(server.url, boardId))
  const original = (await shotsOnPage(page)).find((shot) => shot.id === second) as Shot
  await select(page, second)
  await page.evaluate(() => navigator.clipboard.writeText(''))
  await page.keyboard.press('Control+c')
  // tldraw writes the clipboard once it has resolved the copy's assets: leaving the board before
  // that (a slow machine) would leave nothing to paste.
  await expect.poll(() => clipboardHtml(page)).toContain('data-tldraw')
  await openBoard(page, boardUrl(server.url, other))
  await page.mouse.move(500, 300)
  await page.keyboard.press('Control+v')
  const copy = await newShot(page, [])
  expect(copy.props.sceneId).toBeNull()
  expect(copy.props.activeVersionId).toBeNull()
  expect(copy.props.status).toBe('draft')
  expect(original.props.media?.src).toBe(`/api/boards/${boardId}/assets/${pictureId}`)
  await expectStripNumbers(page, ['1'])
  // Its picture becomes the board's own file: served to this board's members, kept without the first board.
  const pictureHere = `/api/boards/${other}/assets/${pictureId}`
  await expect.poll(async () => ((await shotsOnPage(page))[0] as Shot).props.media?.src).toBe(pictureHere)
  close()
  // Deleted for good (to Recently deleted, then from it), so its files go unless this board has its own.
  expect((await fetch(`${server.url}/api/boards/${boardId}`, { method: 'DELETE' })).status).toBe(204)
  expect((await fetch(`${server.url}/api/trash/${boardId}`, { method: 'DELETE' })).status).toBe(204)
  const served = await page.evaluate((url) => fetch(url).then((res) => [res.status, res.headers.get('content-type')]), pictureHere)
  expect(served).toEqual([200, 'image/png'])
})
