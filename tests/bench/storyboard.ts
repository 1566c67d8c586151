import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { readAllRecords } from '@storyloom/shared/doc/boardDoc'
import { createApiClient } from '@storyloom/server/http/apiClient'
import type { TLRecord } from '@tldraw/tlschema'
import { boardUrl, createBoard } from '../e2e/support/boardPage'
import { StoryloomServer } from '../e2e/support/storyloomServer'
import { pagesOf } from '../support/boardFixtures'
import { makePng } from '../support/makePng'
import { connectClient, syncUrlOf, writeRecords } from '../support/syncClient'
import { waitFor } from '../support/waitFor'
import { launchBenchBrowser } from './support/benchBrowser'
import { measureCanvas, panAndZoomPath, type CanvasRun } from './support/canvasFrames'
import { fmt, percentile } from './support/stats'
import { SHAPES_PER_CELL, boardSize, plainImageBatches, storyboardBatches, type BenchImage } from './support/storyboardBoard'

/**
 * The 500-shot storyboard in a real browser (Debian's Chromium, the built canvas served by
 * the real server): time until interactive and frame times while panning and zooming, against
 * a board of the same number of plain tldraw image shapes in the same places. Runs the two
 * interleaved, several rounds, and reports medians: the machine is shared, so single runs are
 * noisy. Needs `pnpm --filter @storyloom/canvas build` first.
 */

const SHOTS = Number(process.env.BENCH_SHOTS ?? 500)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const SHAPES = SHOTS * SHAPES_PER_CELL

async function uploadImages(serverUrl: string, boardId: string): Promise<BenchImage[]> {
  const api = createApiClient(serverUrl)
  const images: BenchImage[] = []
  for (let seed = 0; seed < 4; seed++) {
    const png = makePng(320, 180, seed + 1)
    const response = await api.api.boards[':boardId'].assets.$post(
      { param: { boardId } },
      { init: { body: png, headers: { 'Content-Type': 'image/png' } } },
    )
    const uploaded = assetResponseSchema.parse(await response.json())
    images.push({ id: uploaded.id, url: uploaded.url, w: 320, h: 180, bytes: uploaded.size })
  }
  return images
}

/** Creates a board and writes it through the sync endpoint, as a client would. */
async function seedBoard(serverUrl: string, name: string, build: (pageId: string, images: BenchImage[]) => TLRecord[][]): Promise<string> {
  const boardId = await createBoard(serverUrl, name)
  const images = await uploadImages(serverUrl, boardId)
  const syncUrl = syncUrlOf(serverUrl)
  const writer = connectClient(syncUrl, boardId)
  await writer.synced()
  const pageId = pagesOf(writer.doc)[0]!.id
  for (const batch of build(pageId, images)) writeRecords(writer, ...batch)
  // A second client proves the server accepted and stored every shape.
  const checker = connectClient(syncUrl, boardId)
  await checker.synced()
  await waitFor(() => readAllRecords(checker.doc).filter((r) => r.typeName === 'shape').length >= SHAPES, {
    timeoutMs: 60_000,
    what: `${name}: the server to hold all ${SHAPES} shapes`,
  })
  writer.destroy()
  checker.destroy()
  return boardId
}

/** Seeds the two boards on a running server; returns their ids. */
export async function benchSeed(serverUrl: string): Promise<{ storyboard: string; plain: string }> {
  const storyboard = await seedBoard(serverUrl, 'Storyboard', (page, images) => storyboardBatches(page, SHOTS, images))
  const plain = await seedBoard(serverUrl, 'Plain images', (page, images) => plainImageBatches(page, SHOTS, images))
  return { storyboard, plain }
}

const median = (values: number[]) => percentile(values, 50)

function summary(run: CanvasRun) {
  return {
    interactive: run.interactiveMs,
    editor: run.editorMs,
    p50: percentile(run.frameMs, 50),
    p95: percentile(run.frameMs, 95),
    busy: run.busyMsPerFrame,
    zoomChanges: run.zoomChanges,
    ...run.breakdownMsPerFrame,
  }
}

/** Runs the benchmark and prints per-round figures and the medians. */
export async function benchStoryboard(): Promise<void> {
  const server = await StoryloomServer.start()
  const browser = await launchBenchBrowser()
  try {
    const { storyboard, plain } = await benchSeed(server.url)
    const path = panAndZoomPath(boardSize(SHOTS))
    const rows: { subject: ReturnType<typeof summary>; baseline: ReturnType<typeof summary> }[] = []
    console.log(`storyboard: ${SHOTS} shots × (shot + 2 references + camera move) = ${SHAPES} shapes vs ${SHAPES} plain image shapes; ${ROUNDS} rounds, interleaved`)
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so a slow moment on the shared machine hits both alike.
      const order = round % 2 === 0 ? (['baseline', 'subject'] as const) : (['subject', 'baseline'] as const)
      const result: Partial<(typeof rows)[number]> = {}
      for (const which of order) {
        const url = boardUrl(server.url, which === 'subject' ? storyboard : plain)
        result[which] = summary(await measureCanvas(browser, url, SHAPES, path))
      }
      const { subject, baseline } = result as (typeof rows)[number]
      rows.push({ subject, baseline })
      console.log(
        `  round ${round + 1}: interactive ${fmt(subject.interactive, 0)} / ${fmt(baseline.interactive, 0)} ms ` +
          `(editor mounted ${fmt(subject.editor, 0)} / ${fmt(baseline.editor, 0)} ms); ` +
          `frame p50 ${fmt(subject.p50, 1)} / ${fmt(baseline.p50, 1)} ms, p95 ${fmt(subject.p95, 1)} / ${fmt(baseline.p95, 1)} ms; ` +
          `main thread per frame ${fmt(subject.busy, 1)} / ${fmt(baseline.busy, 1)} ms ` +
          `(script ${fmt(subject.script, 1)} / ${fmt(baseline.script, 1)}, style ${fmt(subject.style, 1)} / ${fmt(baseline.style, 1)}, ` +
          `layout ${fmt(subject.layout, 1)} / ${fmt(baseline.layout, 1)}); --tl-zoom writes ${subject.zoomChanges} / ${baseline.zoomChanges} (storyboard / plain)`,
      )
    }
    const line = (label: string, pick: (s: ReturnType<typeof summary>) => number, digits: number) => {
      const s = median(rows.map((r) => pick(r.subject)))
      const b = median(rows.map((r) => pick(r.baseline)))
      const ratio = median(rows.map((r) => pick(r.subject) / pick(r.baseline)))
      console.log(`  ${label}: storyboard ${fmt(s, digits)} ms, plain images ${fmt(b, digits)} ms, ratio ${fmt(ratio)}× (median of rounds)`)
    }
    line('time to interactive', (s) => s.interactive, 0)
    line('time to editor mounted (board loaded into the store)', (s) => s.editor, 0)
    line('frame time p50 while panning/zooming', (s) => s.p50, 1)
    line('frame time p95 while panning/zooming', (s) => s.p95, 1)
    line('main-thread time per camera frame', (s) => s.busy, 1)
  } finally {
    await browser.close()
    await server.dispose()
  }
}
