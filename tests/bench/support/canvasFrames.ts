import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, CDPSession } from '@playwright/test'

/**
 * Measures a board in a real browser: how long until it is interactive, and what each frame
 * costs while the camera pans and zooms. Uses only the browser's own clocks (performance.now,
 * requestAnimationFrame) and Chrome's main-thread task time (CDP `Performance.getMetrics`).
 */

/** One board load and camera run. */
export interface CanvasRun {
  /** Navigation start → the first frame painted with every shape in the store and on screen. */
  readonly interactiveMs: number
  /** Navigation start → the editor mounted (the board's doc is loaded into its store). */
  readonly editorMs: number
  /** Time between frames while the camera moves (what the user sees as frame rate). */
  readonly frameMs: number[]
  /** How often `--tl-zoom` changed during the run (tldraw keeps it still while the camera moves). */
  readonly zoomChanges: number
  /** Main-thread busy time per camera frame (scripts, style, layout, paint), not tied to vsync. */
  readonly busyMsPerFrame: number
  /** Where that time went, per camera frame: Chrome's script, style and layout totals. */
  readonly breakdownMsPerFrame: { script: number; style: number; layout: number }
}

/** A camera position, as tldraw's `editor.setCamera` takes it. */
export interface Camera {
  readonly x: number
  readonly y: number
  readonly z: number
}

// The in-page parts are plain JavaScript text: tsx compiles functions with helpers (`__name`)
// that do not exist in the page, so functions cannot be handed to the browser as they are.

// From the page's first script on: polls each frame until the editor holds every shape and
// some are drawn, then notes the time of the next frame (the one that paints them).
const WATCH_FOR_INTERACTIVE = `
  const bench = (window.storyloomBench = { interactiveAt: null, editorAt: null })
  const check = () => {
    const editor = window.editor
    if (editor && bench.editorAt === null) bench.editorAt = performance.now()
    if (editor && editor.getCurrentPageShapeIds().size >= EXPECTED && document.querySelector('.tl-shape')) {
      requestAnimationFrame(() => (bench.interactiveAt = performance.now()))
      return
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
`

/**
 * In-page script: resolves once 30 frames in a row came within 25 ms of each other (the
 * load's work is done), or after 15 s.
 */
export const SETTLE = `new Promise((resolve) => {
  const start = performance.now()
  let last = 0
  let calm = 0
  const step = (now) => {
    calm = last && now - last < 25 ? calm + 1 : 0
    last = now
    if (calm >= 30 || now - start > 15000) return resolve(now - start)
    requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
})`

/**
 * In-page script: one camera step per animation frame. Resolves with the times between frames,
 * how often tldraw wrote `--tl-zoom` on its container (each write restyles every shape in view)
 * and how many steps found the camera idle (tldraw debounces the zoom only while it moves).
 */
export const MOVE_CAMERA = `(cameras) => new Promise((resolve) => {
  const container = document.querySelector('.tl-container')
  let zoomChanges = 0
  let lastZoom = container.style.getPropertyValue('--tl-zoom')
  const observer = new MutationObserver(() => {
    const zoom = container.style.getPropertyValue('--tl-zoom')
    if (zoom !== lastZoom) zoomChanges++
    lastZoom = zoom
  })
  observer.observe(container, { attributes: true, attributeFilter: ['style'] })
  const times = []
  let idleSteps = 0
  let last = 0
  let i = 0
  const step = (now) => {
    if (last) times.push(now - last)
    last = now
    const camera = cameras[i++]
    if (!camera) {
      observer.disconnect()
      return resolve({ times, zoomChanges, idleSteps })
    }
    if (window.editor.getCameraState() === 'idle') idleSteps++
    window.editor.setCamera(camera)
    requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
})`

/** What {@link MOVE_CAMERA} resolves with. */
export interface CameraMoveResult {
  readonly times: number[]
  readonly zoomChanges: number
  readonly idleSteps: number
}

const MAIN_THREAD_METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const

/** Chrome's running totals of main-thread time, in seconds. */
async function mainThreadSeconds(cdp: CDPSession): Promise<Record<(typeof MAIN_THREAD_METRICS)[number], number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN
  return Object.fromEntries(MAIN_THREAD_METRICS.map((name) => [name, value(name)])) as Record<(typeof MAIN_THREAD_METRICS)[number], number>
}

/**
 * Opens `url` in a fresh browser context (no cache, no offline copy), waits until the board
 * is interactive, settles, then moves the camera through `cameras`, one per frame.
 */
export async function measureCanvas(browser: Browser, url: string, expectedShapes: number, cameras: readonly Camera[]): Promise<CanvasRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', bypassCSP: true })
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: WATCH_FOR_INTERACTIVE.replace('EXPECTED', String(expectedShapes)) })
    await page.goto(url)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.waitForFunction('window.storyloomBench?.interactiveAt != null', null, { timeout: 120_000, polling: 100 }).catch(async (cause: unknown) => {
      const state: unknown = await page.evaluate(
        `({ shapes: window.editor?.getCurrentPageShapeIds().size, drawn: document.querySelectorAll('.tl-shape').length })`,
      )
      throw new Error(`${url} never became interactive: ${JSON.stringify(state)} of ${expectedShapes}; page errors: ${errors.join('; ') || 'none'}`, { cause })
    })
    const interactiveMs = (await page.evaluate('window.storyloomBench.interactiveAt')) as number
    const editorMs = (await page.evaluate('window.storyloomBench.editorAt')) as number
    // Let images decode and the load's last work finish, so the camera run measures the camera.
    await page.evaluate(SETTLE)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const profiling = process.env.BENCH_PROFILE
    if (profiling) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'))
    const before = await mainThreadSeconds(cdp)
    const moved = (await page.evaluate(`(${MOVE_CAMERA})(${JSON.stringify(cameras)})`)) as CameraMoveResult
    const after = await mainThreadSeconds(cdp)
    if (profiling) {
      // BENCH_PROFILE=<dir>: a CPU profile of each camera run, for Chrome DevTools.
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown }
      const file = join(profiling, `camera-${new URL(url).pathname.split('/').pop()}-${Date.now()}.cpuprofile`)
      writeFileSync(file, JSON.stringify(profile))
    }
    const perFrame = (name: (typeof MAIN_THREAD_METRICS)[number]) => ((after[name] - before[name]) * 1000) / cameras.length
    return {
      interactiveMs,
      editorMs,
      frameMs: moved.times,
      zoomChanges: moved.zoomChanges,
      busyMsPerFrame: perFrame('TaskDuration'),
      breakdownMsPerFrame: { script: perFrame('ScriptDuration'), style: perFrame('RecalcStyleDuration'), layout: perFrame('LayoutDuration') },
    }
  } finally {
    await context.close()
  }
}

/**
 * The camera path: a pan across the board at a working zoom, then a zoom out to an overview
 * and back in, `frames` steps each.
 */
export function panAndZoomPath(board: { w: number; h: number }, frames = 120): Camera[] {
  const path: Camera[] = []
  const viewport = { w: 1280, h: 800 }
  const centre = { x: board.w / 2, y: board.h / 2 }
  // tldraw's camera x/y is the page point at the viewport's top left, negated, at zoom z.
  const at = (px: number, py: number, z: number): Camera => ({ x: -px + viewport.w / 2 / z, y: -py + viewport.h / 2 / z, z })
  for (let i = 0; i < frames; i++) path.push(at(centre.x - 2000 + (4000 * i) / frames, centre.y, 0.5))
  for (let i = 0; i < frames; i++) {
    const t = i / (frames - 1)
    const z = 0.5 * Math.pow(0.2 / 0.5, Math.sin(Math.PI * t))
    path.push(at(centre.x + 2000, centre.y, z))
  }
  return path
}
