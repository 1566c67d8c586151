import type { Editor } from 'tldraw'
import { isTyping } from '../app/isTyping'
import { cameraToShow, clearArea, type Rect } from './clearView'
import { sameIds } from './sameIds'

/**
 * What floats over the canvas and hides it: the shot inspector or style panel (right), open panels
 * (top left), tldraw's toolbar (bottom), and the find bar (top middle: a shot Find brought in
 * landed with its header under it, on a phone or beside the inspector).
 */
const COVERS = '.shot-inspector, .tlui-style-panel, .floating-panel__panel, .tlui-main-toolbar, .find-bar'
/** The floating panels' toggles: one row, one cover (one by one, a gap between two could pass for room). */
const TOGGLES = '.floating-panel__toggle'
/** How far in from the covers' edges a revealed shape stays, in screen pixels. */
const MARGIN = 24

/**
 * The part of the canvas no panel covers, in screen pixels from the canvas's top left. With
 * `belowHeader`, all of the canvas down to the toggles' row counts as covered (the board's title,
 * menus and share buttons are on that band too): for a zoom, which fills the area edge to edge.
 */
export function clearCanvasArea(editor: Editor, { belowHeader = false } = {}): Rect {
  const container = editor.getContainer()
  const box = container.getBoundingClientRect()
  const rects = (selector: string) =>
    [...container.querySelectorAll(selector)]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height }))
  const toggles = rects(TOGGLES)
  const band = toggles.length === 0 ? null : boundsOf(toggles)
  const row = !band ? [] : belowHeader ? [{ x: 0, y: 0, w: box.width, h: band.y + band.h }] : [band]
  return clearArea({ x: 0, y: 0, w: box.width, h: box.height }, [...rects(COVERS), ...row])
}

/** The watch of the panels that the last reveal on each editor started (see below), to end when a new one starts. */
const watches = new WeakMap<Editor, () => void>()
/**
 * Input that means the person has taken over (the canvas, a panel, a key): the reveal's watch
 * ends. Not keys typed into a field: naming the new shot right after Shift+S (and Escape or Enter
 * out of its title) moves no camera, and the Versions panel may still be reading that shot's takes.
 */
const TAKE_OVER_EVENTS = ['pointerdown', 'wheel', 'keydown'] as const
function takesOver(event: Event): boolean {
  return !(event.type === 'keydown' && isTyping(event.target))
}

/**
 * The longest the panels are watched after a reveal: long enough for the Versions panel's read
 * of the takes on a slow connection, short enough that a panel growing minutes later (a take
 * landing) does not move a camera nobody touched, and that the watch of the canvas's DOM ends.
 */
const SETTLE_MS = 10_000

/**
 * Brings the selection into view where no panel covers it (panning as little as it can,
 * zooming out only when it does not fit), after the next frame, so a panel that the new
 * selection opens — the shot inspector — is counted. Where the panels leave no room, falls back
 * to tldraw's "zoom to the selection if it is off screen".
 *
 * Panels settle after that frame: the Versions panel reads the shot's takes from the server and
 * grows by hundreds of pixels when they (and the previewed picture) arrive. So the covers are
 * watched, and the selection brought clear again whenever one changes size or a new one appears,
 * until the selection changes, another reveal starts, the person presses, scrolls or presses a
 * key outside a text field (from then on where the camera is is theirs), or {@link SETTLE_MS}
 * have passed.
 */
export function revealSelectionClearOfPanels(editor: Editor): void {
  watches.get(editor)?.()
  const container = editor.getContainer()
  const doc = container.ownerDocument
  const win = doc.defaultView
  if (!win) return
  const selection = editor.getSelectedShapeIds()
  let frame = 0
  const reveal = () => {
    frame = 0
    if (!sameIds(editor.getSelectedShapeIds(), selection)) return stop()
    const bounds = editor.getSelectionPageBounds()
    if (!bounds) return
    const camera = cameraToShow(bounds, editor.getCamera(), clearCanvasArea(editor), MARGIN)
    if (camera) editor.setCamera(camera, { animation: { duration: 200 } })
    else editor.zoomToSelectionIfOffscreen(64, { animation: { duration: 200 } })
  }
  const revealNextFrame = () => {
    if (!frame) frame = win.requestAnimationFrame(reveal)
  }

  // Calls back once for each element as it starts watching it, then on each change of its size.
  const sizes = new win.ResizeObserver(revealNextFrame)
  const watched = new WeakSet<Element>()
  const watchCovers = () => {
    for (const el of container.querySelectorAll(`${COVERS}, ${TOGGLES}`)) {
      if (watched.has(el)) continue
      watched.add(el)
      sizes.observe(el)
    }
  }
  // A panel that opens, or whose body is replaced (the Versions panel's, for each shot).
  const added = new win.MutationObserver(watchCovers)
  const onInput = (event: Event) => {
    if (takesOver(event)) stop()
  }
  const stop = () => {
    if (frame) win.cancelAnimationFrame(frame)
    frame = 0
    win.clearTimeout(settled)
    sizes.disconnect()
    added.disconnect()
    for (const type of TAKE_OVER_EVENTS) doc.removeEventListener(type, onInput, true)
    editor.disposables.delete(stop)
    if (watches.get(editor) === stop) watches.delete(editor)
  }
  const settled = win.setTimeout(stop, SETTLE_MS)
  watches.set(editor, stop)
  editor.disposables.add(stop)
  for (const type of TAKE_OVER_EVENTS) doc.addEventListener(type, onInput, true)
  added.observe(container, { childList: true, subtree: true })
  watchCovers()
  revealNextFrame()
}

function boundsOf(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  return { x, y, w: Math.max(...rects.map((r) => r.x + r.w)) - x, h: Math.max(...rects.map((r) => r.y + r.h)) - y }
}
