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
 * variant is `{ "board": "storyboard" | "plain", "css"?: "<rules added to the page>", "script"?:
 * "<in-page JavaScript run once the board is drawn>", "dist"?: "<a canvas build directory>" }`
 * (`script`: e.g. a mechanism driven by the camera state, tried without a rebuild; `dist`: the
 * page runs the bundles of that copy of `packages/canvas/dist`, so two builds compare in one run
 * on the same server); the variants run interleaved, `STYLE_ROUNDS` rounds (default 3, order
 * reversed every other round), each on a fresh page through the bench's camera path.
 *
 * Prints per camera frame the CPU time of the renderer's threads, read from /proc (main thread,
 * raster workers, compositor), which a shared machine's load distorts far less than wall-clock
 * durations; the CPU time of the GPU process (software compositing: viz), of the browser process
 * and of all Chromium processes together, so work moved between processes shows; the main
 * thread's CPU time in animation-frame callbacks, Paint, Layerize and Layout from a Chrome trace (collecting it costs the
 * browser and tracing processes CPU too: `STYLE_TRACE=0` leaves it out); and (wall-clock, so
 * load-sensitive) how many frames of the pan and of the zoom took more than 20 ms.
 */

interface Variant {
  readonly board: 'storyboard' | 'plain'
  readonly css?: string
  readonly script?: string
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
// STYLE_TRACE=0: no Chrome trace (no Paint/Layerize/Layout columns), so the browser and the
// tracing service spend nothing on collecting one and the gpu/browser/all columns are the page's.
const TRACE = process.env.STYLE_TRACE !== '0'
const variantsFile = process.env.STYLE_VARIANTS
if (!variantsFile) throw new Error('STYLE_VARIANTS=<file.json> names the variants to compare')
const variants = JSON.parse(readFileSync(variantsFile, 'utf8')) as Record<string, Variant>

// Renderer threads by name (Linux comm, digits dropped so the raster workers add up).
const THREADS = { 'renderer/chromium': 'main', 'renderer/ThreadPoolForeg': 'raster', 'renderer/Compositor': 'compositor' } as const
// Whole processes by Chromium's process type ('all': every Chromium process).
const PROCESSES = { 'GPU/': 'gpu', 'browser/': 'browser', '': 'all' } as const

interface ChromiumProcess {
  readonly type: string
  readonly pid: number
}

/** CPU milliseconds used so far by each thread of the given processes, keyed `<process type>/<thread name>`. */
function threadCpuMs(processes: ChromiumProcess[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const { type, pid } of processes) {
    let tids: string[]
    try {
      tids = readdirSync(`/proc/${pid}/task`)
    } catch {
      continue // the process has exited
    }
    for (const tid of tids) {
      let stat: string
      try {
        stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      } catch {
        continue
      }
      const name = `${type}/${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '')}`
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out[name] = (out[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10 // USER_HZ 100
    }
  }
  return out
}

async function chromiumProcesses(browser: Browser): Promise<ChromiumProcess[]> {
  const cdp = await browser.newBrowserCDPSession()
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
  await cdp.detach()
  return processInfo.map((p) => ({ type: p.type, pid: p.id }))
}

/** Frames slower than 20 ms (a missed vsync at 60 Hz) in the camera path's pan (first half) and zoom (second half). */
function slowFrames(times: number[]): { slowPan: number; slowZoom: number } {
  const half = times.length >> 1
  const slow = (list: number[]) => list.filter((ms) => ms > 20).length
  return { slowPan: slow(times.slice(0, half)), slowZoom: slow(times.slice(half)) }
}

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
    if (variant.script) await page.evaluate(variant.script)
    await page.evaluate(`void window.editor.setCamera(${JSON.stringify(cameras[0])})`)
    await page.evaluate(SETTLE)
    const cdp = await context.newCDPSession(page)
    const processes = await chromiumProcesses(browser)
    const before = threadCpuMs(processes)
    let moved: CameraMoveResult | undefined
    const run = async () => {
      moved = (await page.evaluate(`(${MOVE_CAMERA})(${JSON.stringify(cameras)})`)) as CameraMoveResult
    }
    const traced = TRACE ? await tracedRun(cdp, run) : await run().then(() => null)
    const after = threadCpuMs(processes)
    const used = (key: string) => ((after[key] ?? 0) - (before[key] ?? 0)) / cameras.length
    const row: Record<string, number> = {}
    for (const [thread, label] of Object.entries(THREADS)) row[label] = used(thread)
    for (const [prefix, label] of Object.entries(PROCESSES)) {
      row[label] = Object.keys(after).filter((key) => key.startsWith(prefix)).reduce((sum, key) => sum + used(key), 0)
    }
    if (traced) for (const name of ['FireAnimationFrame', 'Paint', 'Layerize', 'Layout', 'UpdateLayoutTree']) row[name] = (traced.get(name) ?? 0) / cameras.length
    return { ...row, ...slowFrames(moved!.times) }
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
  console.log('CPU ms per camera frame, medians of rounds (main/raster/compositor: renderer thread CPU; gpu/browser/all: process CPU; Paint…UpdateLayoutTree: main-thread trace events; slowPan/slowZoom: frames > 20 ms):')
  for (const [name, list] of Object.entries(rows)) {
    console.log(`  ${name}: ${Object.keys(list[0]!).map((k) => `${k} ${fmt(median(list.map((r) => r[k]!)))}`).join(', ')}`)
  }
} finally {
  await browser.close()
  await server.dispose()
}
