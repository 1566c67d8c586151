import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { extname, join, resolve } from 'node:path'
import type { Browser, BrowserContext, CDPSession } from '@playwright/test'
import { boardUrl } from '../e2e/support/boardPage'
import { StoryloomServer } from '../e2e/support/storyloomServer'
import { launchBenchBrowser } from './support/benchBrowser'
import { MOVE_CAMERA, SETTLE, panAndZoomPath, type Camera, type CameraMoveResult } from './support/canvasFrames'
import { fmt, median } from './support/stats'
import { SHAPES_PER_CELL, boardSize } from './support/storyboardBoard'
import { benchSeed } from './storyboard'

/**
 * `cd tests && STYLE_VARIANTS=<file.json> pnpm exec tsx bench/storyboardStyles.ts`: A/B of style
 * changes on the storyboard bench's boards in one run, without rebuilding the canvas. Each
 * variant is `{ "board": "storyboard" | "plain", "css"?: "<rules added to the page>", "dist"?:
 * "<a canvas build directory>" }` (`dist`: the page runs the bundles of that copy of
 * `packages/canvas/dist`, so two builds compare in one run on the same server); the variants run
 * interleaved, `STYLE_ROUNDS` rounds (default 3, order reversed every other round),
 * each on a fresh page through the bench's camera path.
 *
 * Prints per camera frame the CPU time of the renderer's threads, read from /proc (main thread,
 * raster workers, compositor) and of the GPU process (all its threads: with software compositing
 * it draws every frame), which a shared machine's load distorts far less than wall-clock
 * durations, and the main thread's CPU time in the camera steps' animation-frame callbacks,
 * Paint, Layerize and Layout from a Chrome trace; and, by the wall clock, how many frames of the
 * zoom took more than 20 ms.
 */

interface Variant {
  readonly board: 'storyboard' | 'plain'
  readonly css?: string
  readonly dist?: string
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  tdur?: number
  args?: { name?: string }
}

const SHOTS = 500
const ROUNDS = Number(process.env.STYLE_ROUNDS ?? 3)
const variantsFile = process.env.STYLE_VARIANTS
if (!variantsFile) throw new Error('STYLE_VARIANTS=<file.json> names the variants to compare')
const variants = JSON.parse(readFileSync(variantsFile, 'utf8')) as Record<string, Variant>

// Renderer threads by name (Linux comm, digits dropped so the raster workers add up).
const THREADS = { chromium: 'main', ThreadPoolForeg: 'raster', Compositor: 'compositor' } as const

/** CPU milliseconds used so far by each thread of the given processes, summed by thread name. */
function threadCpuMs(pids: number[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const pid of pids) {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out[name] = (out[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10 // USER_HZ 100
    }
  }
  return out
}

/** The renderers' and the GPU process's pids (with --disable-gpu the GPU process composites in software). */
async function chromePids(browser: Browser): Promise<{ renderers: number[]; gpu: number[] }> {
  const cdp = await browser.newBrowserCDPSession()
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
  await cdp.detach()
  const of = (type: string) => processInfo.filter((p) => p.type === type).map((p) => p.id)
  return { renderers: of('renderer'), gpu: of('GPU') }
}

const sum = (cpu: Record<string, number>) => Object.values(cpu).reduce((a, b) => a + b, 0)

/** Main-thread CPU time per trace event name over one camera run. */
async function tracedRun(cdp: CDPSession, run: () => Promise<unknown>): Promise<Map<string, number>> {
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] } })
  await run()
  await cdp.send('Tracing.end')
  await done
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const byName = new Map<string, number>()
  for (const e of events) {
    if (!main || e.ph !== 'X' || e.pid !== main.pid || e.tid !== main.tid) continue
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000)
  }
  return byName
}

const MIME: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.html': 'text/html' }

/** Makes `context` run the canvas build in `dist` instead of the server's. */
async function serveBuild(context: BrowserContext, dist: string): Promise<void> {
  const root = resolve(dist)
  // The page itself comes from the server (a page the bench served would count as a public
  // origin, which Chrome then keeps from the server's local address), so the server's entry
  // bundle (index-<hash>.js) is answered with this build's, and this build's chunks import it
  // by the server's name: one module, one React.
  const html = readFileSync(join(root, 'index.html'), 'utf8')
  const entry = /\/assets\/(index-[^"/]+\.js)/.exec(html)?.[1]
  const css = /\/assets\/(index-[^"/]+\.css)/.exec(html)?.[1]
  let serverEntry: string | undefined
  await context.route('**/assets/**', async (route) => {
    let name = new URL(route.request().url()).pathname.slice('/assets/'.length)
    if (!existsSync(join(root, 'assets', name))) {
      if (/^index-[^/]+\.js$/.test(name) && entry) [serverEntry, name] = [name, entry]
      else if (/^index-[^/]+\.css$/.test(name) && css) name = css
      else return route.fallback()
    }
    let body = readFileSync(join(root, 'assets', name), name.endsWith('.js') ? 'utf8' : undefined)
    if (typeof body === 'string' && entry && serverEntry) body = body.replaceAll(entry, serverEntry)
    await route.fulfill({ body, contentType: MIME[extname(name)] ?? 'application/octet-stream' })
  })
}

async function measure(browser: Browser, url: string, variant: Variant, cameras: Camera[]): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', bypassCSP: true })
  try {
    if (variant.dist) await serveBuild(context, variant.dist)
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(`window.editor?.getCurrentPageShapeIds().size >= ${SHOTS * SHAPES_PER_CELL} && document.querySelector('.tl-shape')`, null, {
      timeout: 120_000,
      polling: 100,
    })
    if (variant.css) await page.addStyleTag({ content: variant.css })
    await page.evaluate(`void window.editor.setCamera(${JSON.stringify(cameras[0])})`)
    await page.evaluate(SETTLE)
    const cdp = await context.newCDPSession(page)
    const pids = await chromePids(browser)
    const before = threadCpuMs(pids.renderers)
    const gpuBefore = sum(threadCpuMs(pids.gpu))
    let moved: CameraMoveResult | undefined
    const traced = await tracedRun(cdp, async () => {
      moved = (await page.evaluate(`(${MOVE_CAMERA})(${JSON.stringify(cameras)})`)) as CameraMoveResult
    })
    const after = threadCpuMs(pids.renderers)
    const gpuAfter = sum(threadCpuMs(pids.gpu))
    const row: Record<string, number> = {}
    for (const [thread, label] of Object.entries(THREADS)) row[label] = ((after[thread] ?? 0) - (before[thread] ?? 0)) / cameras.length
    row.gpu = (gpuAfter - gpuBefore) / cameras.length
    for (const name of ['FireAnimationFrame', 'Paint', 'Layerize', 'Layout', 'UpdateLayoutTree']) row[name] = (traced.get(name) ?? 0) / cameras.length
    // Wall-clock, so load-sensitive: frames of the zoom (the path's second half) that missed a vsync.
    row.slowZoomFrames = moved!.times.slice(cameras.length / 2 - 1).filter((ms) => ms > 20).length
    return row
  } finally {
    await context.close()
  }
}

const server = await StoryloomServer.start()
const browser = await launchBenchBrowser()
try {
  const boards = await benchSeed(server.url)
  const cameras = panAndZoomPath(boardSize(SHOTS))
  const rows: Record<string, Record<string, number>[]> = {}
  for (let round = 0; round < ROUNDS; round++) {
    const names = Object.keys(variants)
    if (round % 2) names.reverse()
    for (const name of names) {
      const variant = variants[name]!
      const row = await measure(browser, boardUrl(server.url, boards[variant.board]), variant, cameras)
      ;(rows[name] ??= []).push(row)
      console.log(`round ${round + 1} ${name} (load ${loadavg()[0]!.toFixed(2)}): ${Object.entries(row).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`)
    }
  }
  console.log('CPU ms per camera frame, medians of rounds (main/raster/compositor: thread CPU; the rest: main-thread trace events):')
  for (const [name, list] of Object.entries(rows)) {
    console.log(`  ${name}: ${Object.keys(list[0]!).map((k) => `${k} ${fmt(median(list.map((r) => r[k]!)))}`).join(', ')}`)
  }
} finally {
  await browser.close()
  await server.dispose()
}
