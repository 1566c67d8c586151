import { chromium, type Page } from '@playwright/test'
import { createApiClient, type ApiClient } from '@storyloom/server/http/apiClient'
import { boardUrl, createBoard, openBoard } from '../e2e/support/boardPage'
import type { TestEditor } from '../e2e/support/editorState'
import { solidPng } from '../e2e/support/pngImage'
import { StoryloomServer } from '../e2e/support/storyloomServer'
import { fmt, percentile } from './support/stats'

const SIZES = [1, 200, 1000]
const OPENS = 5

type BenchEditor = TestEditor & { select(...ids: string[]): void; createShape(shape: { id: string; type: string; x: number; y: number }): void }

/** A shot with `count` takes in a bushy tree: every third take branches from an earlier one. */
async function shotWithTakes(page: Page, api: ApiClient, boardId: string, assetId: string, index: number, count: number): Promise<string> {
  const shotId = `shape:bench${index}`
  await page.evaluate(
    ({ id, x }) => {
      ;(window.editor as BenchEditor).createShape({ id, type: 'shot', x, y: 100 })
    },
    { id: shotId, x: index * 400 },
  )
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const parentId = i === 0 ? null : i % 3 === 0 ? ids[Math.floor(i / 2)]! : ids[i - 1]!
    const res = await api.api.boards[':boardId'].shots[':shotId'].versions.$post({
      param: { boardId, shotId },
      json: { assets: [{ assetId, width: 64, height: 36 }], parentId, label: i % 10 === 0 ? `take ${i}` : '' },
    })
    if (res.status !== 201) throw new Error(`version ${i} not created: ${res.status}`)
    ids.push((await res.json()).id)
  }
  return shotId
}

/** Milliseconds from clicking "Versions" until the tree is drawn (list fetched, laid out, painted). */
async function timeToOpen(page: Page, shotId: string): Promise<{ ms: number; rendered: number }> {
  await page.evaluate((id) => {
    ;(window.editor as BenchEditor).select(id)
  }, shotId)
  await page.getByTestId('version-panel-toggle').waitFor()
  const ms = await page.evaluate(async () => {
    const start = performance.now()
    document.querySelector<HTMLButtonElement>('[data-testid="version-panel-toggle"]')!.click()
    // Inline loops only: tsx names function constants with a helper the page does not have.
    while (!document.querySelector('[data-testid="version-node"]')) await new Promise((r) => requestAnimationFrame(r))
    await new Promise((r) => requestAnimationFrame(r))
    return performance.now() - start
  })
  const rendered = await page.getByTestId('version-node').count()
  await page.getByTestId('version-panel-toggle').click()
  return { ms, rendered }
}

/** Frame intervals while the tree scrolls from top to bottom in 30 steps, one per frame. */
async function scrollFrames(page: Page): Promise<number[]> {
  await page.getByTestId('version-panel-toggle').click()
  await page.getByTestId('version-node').first().waitFor()
  const frames = await page.evaluate(async () => {
    const graph = document.querySelector<HTMLElement>('[data-testid="version-graph"]')!
    const intervals: number[] = []
    let last = performance.now()
    for (let step = 1; step <= 30; step++) {
      graph.scrollTop = (graph.scrollHeight * step) / 30
      graph.scrollLeft = (graph.scrollWidth * step) / 60
      await new Promise((r) => requestAnimationFrame(r))
      const now = performance.now()
      intervals.push(now - last)
      last = now
    }
    return intervals
  })
  await page.getByTestId('version-panel-toggle').click()
  return frames
}

/** Frame intervals of the same page doing nothing: the baseline a smooth scroll is compared with. */
async function idleFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const intervals: number[] = []
    let last = performance.now()
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => requestAnimationFrame(r))
      const now = performance.now()
      intervals.push(now - last)
      last = now
    }
    return intervals
  })
}

/**
 * The version panel with 200 and 1000 takes on a shot, against the same panel with one take in
 * the same browser: time to open (fetch, layout, paint), how many thumbnails are in the DOM,
 * and frame times while scrolling the tree against idle frames. Needs the built canvas.
 */
export async function benchVersionPanel(): Promise<void> {
  console.log('\n## Version panel with many takes\n')
  const server = await StoryloomServer.start()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
  try {
    const api = createApiClient(server.url)
    const boardId = await createBoard(server.url, 'Version panel bench')
    const upload = await api.api.boards[':boardId'].assets.$post({ param: { boardId } }, { init: { body: new Uint8Array(solidPng(64, 36, [90, 120, 200])) } })
    if (upload.status !== 201) throw new Error(`upload failed: ${upload.status}`)
    const assetId = (await upload.json()).id
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    await openBoard(page, boardUrl(server.url, boardId))

    const shots = new Map<number, string>()
    for (const [i, count] of SIZES.entries()) shots.set(count, await shotWithTakes(page, api, boardId, assetId, i, count))

    // One unmeasured open of each first (code, styles and thumbnails loaded), then rounds that
    // alternate the shots so background noise hits every size alike.
    for (const count of SIZES) await timeToOpen(page, shots.get(count)!)
    const opens = new Map<number, number[]>(SIZES.map((count) => [count, []]))
    const rendered = new Map<number, number>()
    for (let round = 0; round < OPENS; round++) {
      for (const count of SIZES) {
        const run = await timeToOpen(page, shots.get(count)!)
        opens.get(count)!.push(run.ms)
        rendered.set(count, run.rendered)
      }
    }
    const results = new Map<number, { open: number; rendered: number; scrollP95: number }>()
    for (const count of SIZES) {
      const scroll = count > 1 ? percentile(await scrollFrames(page), 95) : Number.NaN
      results.set(count, { open: percentile(opens.get(count)!, 50), rendered: rendered.get(count) ?? 0, scrollP95: scroll })
    }
    const idle = percentile(await idleFrames(page), 95)
    const baseline = results.get(1)!
    console.log('| takes | open p50 (ms) | × 1 take | thumbnails in DOM | scroll frame p95 (ms) | × idle frame |')
    console.log('|---:|---:|---:|---:|---:|---:|')
    for (const count of SIZES) {
      const r = results.get(count)!
      console.log(`| ${count} | ${fmt(r.open, 1)} | ${fmt(r.open / baseline.open)} | ${r.rendered} | ${fmt(r.scrollP95, 1)} | ${fmt(r.scrollP95 / idle)} |`)
    }
    console.log(`\nIdle frame p95 in the same page: ${fmt(idle, 1)} ms.`)
  } finally {
    await browser.close()
    await server.dispose()
  }
}
