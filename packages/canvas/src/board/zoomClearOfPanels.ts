import { Box, type Editor, type TLUiActionItem } from 'tldraw'
import { clearCanvasArea } from './revealClearOfPanels'

/** How far in from the clear area's edges a zoom leaves the shapes, in screen pixels (tldraw pads its fit by about as much). */
const MARGIN = 24

/**
 * Zooms so that `bounds` fills the part of the canvas no panel covers (the Versions panel down the
 * left, the shot inspector on the right, the toolbar, the header's band), centred in it: tldraw 5.4.2's
 * `zoomToBounds` fits the whole viewport, with one inset for all four sides, so shapes end under
 * the panels. Keeps tldraw's zoom limits and its `targetZoom` (never past it). Returns false,
 * moving nothing, where the panels leave no room, for the caller to fall back on tldraw's zoom.
 */
export function zoomToBoundsClearOfPanels(editor: Editor, bounds: Box, opts: { targetZoom?: number; animation?: { duration: number } } = {}): boolean {
  const clear = clearCanvasArea(editor, { belowHeader: true })
  const room = { w: clear.w - 2 * MARGIN, h: clear.h - 2 * MARGIN }
  if (room.w <= 0 || room.h <= 0 || bounds.w <= 0 || bounds.h <= 0) return false
  const { zoomSteps } = editor.getCameraOptions()
  const base = editor.getBaseZoom()
  let z = Math.min(Math.max(Math.min(room.w / bounds.w, room.h / bounds.h), zoomSteps[0]! * base), zoomSteps.at(-1)! * base)
  if (opts.targetZoom !== undefined) z = Math.min(opts.targetZoom, z)
  editor.setCamera({ x: (clear.x + clear.w / 2) / z - bounds.midX, y: (clear.y + clear.h / 2) / z - bounds.midY, z }, { animation: opts.animation })
  return true
}

/**
 * tldraw's "Zoom to fit" (Shift+1) and "Zoom to selection" (Shift+2), from the keyboard and the
 * zoom menu alike, fitting into the canvas the panels leave clear (as a shot brought into view
 * already does, see revealSelectionClearOfPanels) rather than under them. Same rules otherwise:
 * nothing while the camera is locked; to the selection at 100% unless already there.
 */
export function zoomActionsClearOfPanels(editor: Editor, actions: Record<string, TLUiActionItem>): Record<string, TLUiActionItem> {
  const fit = actions['zoom-to-fit']
  const toSelection = actions['zoom-to-selection']
  const animation = { duration: editor.options.animationMediumMs }
  const zoomed: Record<string, TLUiActionItem> = {}
  if (fit) {
    zoomed['zoom-to-fit'] = {
      ...fit,
      onSelect(source) {
        const ids = [...editor.getCurrentPageShapeIds()].filter((id) => !editor.isShapeHidden(id))
        const all = Box.Common(ids.flatMap((id) => editor.getShapePageBounds(id) ?? []))
        if (editor.getCameraOptions().isLocked || ids.length === 0 || !zoomToBoundsClearOfPanels(editor, all, { animation })) return fit.onSelect(source)
      },
    }
  }
  if (toSelection) {
    zoomed['zoom-to-selection'] = {
      ...toSelection,
      onSelect(source) {
        const bounds = editor.getSelectionPageBounds()
        const targetZoom = Math.abs(editor.getZoomLevel() - 1) < 0.01 ? undefined : 1
        if (editor.getCameraOptions().isLocked || !bounds || !zoomToBoundsClearOfPanels(editor, bounds, { animation, targetZoom })) return toSelection.onSelect(source)
      },
    }
  }
  return zoomed
}
