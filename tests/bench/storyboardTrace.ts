import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { boardUrl } from '../e2e/support/boardPage'
import { StoryloomServer } from '../e2e/support/storyloomServer'
import { launchBenchBrowser } from './support/benchBrowser'
import { MOVE_CAMERA, SETTLE, panAndZoomPath, type CameraMoveResult } from './support/canvasFrames'
import { fmt, percentile } from './support/stats'
import { SHAPES_PER_CELL, boardSize } from './support/storyboardBoard'
import { benchSeed } from './storyboard'

/**
 * `cd tests && pnpm exec tsx bench/storyboardTrace.ts`: where the frames of `pnpm bench
 * storyboard`'s camera run go, from a Chrome trace of one camera run per board. Prints per
 * board the main-thread time by trace event (style recalc, layout, paint, script…), how many
 * elements each style recalc touched, how often tldraw's `--tl-zoom` changed and how many
 * elements each kind of shape puts in the DOM. `TRACE_DIR=<dir>` keeps the traces and takes
 * screenshots at 100 % and 30 %; `TRACE_ROUNDS` repeats the pair; `TRACE_ONLY=storyboard` (or
 * `plain`) traces one board.
 */

const SHOTS = Number(process.env.BENCH_SHOTS ?? 500)
const ROUNDS = Number(process.env.TRACE_ROUNDS ?? 1)
const TRACE_DIR = process.env.TRACE_DIR
/** `TRACE_ONLY=storyboard` or `plain`: trace one board. */
const ONLY = process.env.TRACE_ONLY

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string; elementCount?: number; data?: Record<string, unknown>; beginData?: Record<string, unknown> }
}

// Elements in the DOM per shape type (the shape's container and everything in it).
const ELEMENTS_PER_TYPE = `(() => {
  const out = {}
  for (const el of document.querySelectorAll('.tl-shape')) {
    const type = el.getAttribute('data-shape-type')
    const entry = (out[type] ??= { shapes: 0, elements: 0, displayed: 0 })
    entry.shapes++
    entry.elements += 1 + el.querySelectorAll('*').length
    if (el.style.display !== 'none') entry.displayed++
  }
  return out
})()`

async function openBoard(page: Page, url: string, shapes: number): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(`window.editor?.getCurrentPageShapeIds().size >= ${shapes} && document.querySelector('.tl-shape')`, null, {
    timeout: 120_000,
    polling: 100,
  })
  await page.evaluate(SETTLE)
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

/** Self time per function in a CPU profile, per camera frame, the largest first. */
function topFunctions(profile: CpuProfile, frames: number, count = 15): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame
    const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...self.entries()]
    .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${key} ${fmt(ms / frames, 2)}`)
}

function summarise(events: TraceEvent[], frames: number) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
  const byName = new Map<string, { ms: number; count: number }>()
  for (const e of onMain) {
    const entry = byName.get(e.name) ?? { ms: 0, count: 0 }
    entry.ms += (e.dur ?? 0) / 1000
    entry.count++
    byName.set(e.name, entry)
  }
  const recalcs = onMain.filter((e) => e.name === 'UpdateLayoutTree')
  const elementCounts = recalcs.map((e) => Number(e.args?.elementCount ?? 0))
  const pick = ['RunTask', 'FunctionCall', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'ParseHTML', 'GPUTask', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'ThreadControllerImpl::RunTask']
  const perFrame = Object.fromEntries(pick.filter((n) => byName.has(n)).map((n) => [n, fmt(byName.get(n)!.ms / frames, 2)]))
  return {
    perFrameMs: perFrame,
    recalcs: recalcs.length,
    elementsPerRecalc: { p50: percentile(elementCounts, 50), p95: percentile(elementCounts, 95), max: Math.max(0, ...elementCounts) },
    elementsPerFrame: fmt(elementCounts.reduce((a, b) => a + b, 0) / frames, 0),
    top: [...byName.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 14)
      .map(([n, v]) => `${n} ${fmt(v.ms / frames, 2)} ms×${v.count}`),
  }
}

const server = await StoryloomServer.start()
const browser = await launchBenchBrowser()
try {
  const boards = await benchSeed(server.url)
  const cameras = panAndZoomPath(boardSize(SHOTS))
  if (TRACE_DIR) mkdirSync(TRACE_DIR, { recursive: true })
  for (let round = 0; round < ROUNDS; round++) {
    for (const [which, id] of Object.entries(boards)) {
      if (ONLY && which !== ONLY) continue
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', bypassCSP: true })
      const page = await context.newPage()
      await openBoard(page, boardUrl(server.url, id), SHOTS * SHAPES_PER_CELL)
      const cdp = await context.newCDPSession(page)
      const events: TraceEvent[] = []
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] },
      })
      const run = (await page.evaluate(`(${MOVE_CAMERA})(${JSON.stringify(cameras)})`)) as CameraMoveResult
      await cdp.send('Tracing.end')
      await done
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
      console.log('script self time per frame (ms), top functions:', topFunctions(profile, cameras.length).join('; '))
      const dom = await page.evaluate(ELEMENTS_PER_TYPE)
      console.log(
        `${which} round ${round + 1} (load ${loadavg().map((l) => l.toFixed(2)).join(' ')}): frame p50 ${fmt(percentile(run.times, 50), 1)} p95 ${fmt(percentile(run.times, 95), 1)} ms; ` +
          `--tl-zoom changes ${run.zoomChanges}, steps starting idle ${run.idleSteps}`,
      )
      console.log(JSON.stringify(summarise(events, cameras.length), null, 1))
      console.log('DOM after the run:', JSON.stringify(dom))
      if (TRACE_DIR) {
        writeFileSync(join(TRACE_DIR, `${which}-${round}.json`), JSON.stringify({ traceEvents: events }))
        for (const z of [1, 0.3]) {
          await page.evaluate(`void window.editor.setCamera({ x: 20, y: 20, z: ${z} })`)
          await page.evaluate(SETTLE)
          await page.screenshot({ path: join(TRACE_DIR, `${which}-${Math.round(z * 100)}.png`) })
        }
      }
      await context.close()
    }
  }
} finally {
  await browser.close()
  await server.dispose()
}
