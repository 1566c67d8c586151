import type { TLRecord } from '@tldraw/tlschema'
import { validateBoardRecord } from '@storyloom/shared/schema/boardSchema'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, DEFAULT_SHOT_WIDTH } from '@storyloom/shared/storyboard/shotShape'
import { defaultMotionProps } from '@storyloom/shared/storyboard/motionShape'

/**
 * The boards of the storyboard benchmark, as the records a client writes. The subject is a
 * storyboard: shots, each with two references docked beside it and a camera move on its
 * frame. The baseline has the same number of shapes, all plain tldraw images of the same
 * sizes in the same places, showing the same uploaded pictures.
 */

/** An uploaded picture the images show. */
export interface BenchImage {
  readonly id: string
  readonly url: string
  readonly w: number
  readonly h: number
  readonly bytes: number
}

// The shot panel's layout (packages/canvas shotLayout): 32 header + frame + 26 camera + 64 text.
const SHOT_W = DEFAULT_SHOT_WIDTH
const FRAME_H = Math.round(SHOT_W / (16 / 9))
const SHOT_H = FRAME_H + 32 + 26 + 64
const FRAME_Y = 32
// The reference column (packages/canvas referenceDocking): 16 from the shot, 120 wide, tag under each.
const REF_X = SHOT_W + 16
const REF_W = 120
const REF_H = 68
const REF_STEP = REF_H + 30
const CELL_W = REF_X + REF_W + 60
const CELL_H = SHOT_H + 60
/** Shots per row on the canvas. */
export const COLUMNS = 25

function checked(record: object): TLRecord {
  const result = validateBoardRecord(record, null)
  if (!result.ok) throw new Error(`benchmark record is invalid: ${result.reason}`)
  return result.record
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Fractional index keys with a two-digit integer part ("b00", "b01", …): 3,844 in order. */
function indexKey(n: number): string {
  if (n >= 62 * 62) throw new RangeError(`index ${n} is past the last two-digit key`)
  return `b${BASE62[Math.floor(n / 62)]}${BASE62[n % 62]}`
}

function asset(image: BenchImage): TLRecord {
  return checked({
    id: `asset:${image.id}`,
    typeName: 'asset',
    type: 'image',
    props: { name: `${image.id}.png`, src: image.url, w: image.w, h: image.h, mimeType: 'image/png', isAnimated: false, fileSize: image.bytes },
    meta: {},
  })
}

function imageShape(id: string, parentId: string, index: number, x: number, y: number, w: number, h: number, image: BenchImage): TLRecord {
  return checked({
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'image',
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    parentId,
    index: indexKey(index),
    props: { w, h, playing: true, url: '', assetId: `asset:${image.id}`, crop: null, flipX: false, flipY: false, altText: '' },
  })
}

function binding(id: string, type: string, fromId: string, toId: string, props: object): TLRecord {
  return checked({ id: `binding:${id}`, typeName: 'binding', type, fromId: `shape:${fromId}`, toId: `shape:${toId}`, props, meta: {} })
}

function cellOrigin(i: number): { x: number; y: number } {
  return { x: (i % COLUMNS) * CELL_W, y: Math.floor(i / COLUMNS) * CELL_H }
}

/** Shapes on either board for `cells` shots: 4 per cell. */
export const SHAPES_PER_CELL = 4

/**
 * The storyboard: `cells` shots in 10 scenes, each with two references (images bound with a
 * role) and a camera move (a motion shape bound to the shot), in batches of records.
 */
export function storyboardBatches(pageId: string, cells: number, images: readonly BenchImage[], batchCells = 50): TLRecord[][] {
  const scenes = Array.from({ length: 10 }, (_, s) => createScene({ order: indexKey(s) as never, name: `Scene ${s + 1}` }))
  const batches: TLRecord[][] = [[...images.map(asset), ...scenes.map(checked)]]
  for (let start = 0; start < cells; start += batchCells) {
    const batch: TLRecord[] = []
    for (let i = start; i < Math.min(cells, start + batchCells); i++) {
      const { x, y } = cellOrigin(i)
      const shot = `shot${i}`
      batch.push(
        checked(
          createShotShape({
            id: `shape:${shot}` as never,
            parentId: pageId as never,
            index: indexKey(i * SHAPES_PER_CELL) as never,
            x,
            y,
            props: {
              h: SHOT_H,
              sceneId: scenes[Math.floor((i * scenes.length) / cells)]!.id,
              order: indexKey(i) as never,
              title: `Shot ${i + 1}`,
              action: 'She crosses the square as the market closes.',
              camera: { shotSize: 'ms', angle: 'eye-level', lensMm: 35, movement: 'pan' },
            },
          }),
        ),
      )
      for (const r of [0, 1]) {
        const ref = `ref${i}-${r}`
        batch.push(imageShape(ref, pageId, i * SHAPES_PER_CELL + 1 + r, x + REF_X, y + r * REF_STEP, REF_W, REF_H, images[(i + r) % images.length]!))
        batch.push(binding(`${ref}`, 'reference', ref, shot, { role: r === 0 ? 'style' : 'character' }))
      }
      const move = `move${i}`
      batch.push(
        checked({
          id: `shape:${move}`,
          typeName: 'shape',
          type: 'motion',
          x,
          y: y + FRAME_Y,
          rotation: 0,
          isLocked: false,
          opacity: 1,
          meta: {},
          parentId: pageId,
          index: indexKey(i * SHAPES_PER_CELL + 3),
          props: { ...defaultMotionProps(), w: SHOT_W, h: FRAME_H, direction: (i * 37) % 360 },
        }),
      )
      batch.push(binding(move, 'annotation', move, shot, {}))
    }
    batches.push(batch)
  }
  return batches
}

/** The baseline: the same shapes as plain tldraw images, same sizes, same places, same pictures. */
export function plainImageBatches(pageId: string, cells: number, images: readonly BenchImage[], batchCells = 50): TLRecord[][] {
  const batches: TLRecord[][] = [images.map(asset)]
  for (let start = 0; start < cells; start += batchCells) {
    const batch: TLRecord[] = []
    for (let i = start; i < Math.min(cells, start + batchCells); i++) {
      const { x, y } = cellOrigin(i)
      const n = i * SHAPES_PER_CELL
      batch.push(imageShape(`shot${i}`, pageId, n, x, y, SHOT_W, SHOT_H, images[i % images.length]!))
      for (const r of [0, 1]) {
        batch.push(imageShape(`ref${i}-${r}`, pageId, n + 1 + r, x + REF_X, y + r * REF_STEP, REF_W, REF_H, images[(i + r) % images.length]!))
      }
      batch.push(imageShape(`move${i}`, pageId, n + 3, x, y + FRAME_Y, SHOT_W, FRAME_H, images[(i + 2) % images.length]!))
    }
    batches.push(batch)
  }
  return batches
}

/** The page-space size of a board of `cells` shots. */
export function boardSize(cells: number): { w: number; h: number } {
  return { w: Math.min(cells, COLUMNS) * CELL_W, h: Math.ceil(cells / COLUMNS) * CELL_H }
}
