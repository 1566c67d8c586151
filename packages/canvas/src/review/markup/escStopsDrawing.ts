/** Where the presentation's picture is: a stroke on it leaves the focus on the stage or on nothing (the drawing surface takes none). */
const STAGE = '.presentation-stage'

/**
 * Whether an Esc press turns Draw off rather than doing what Esc does there (leave the grid,
 * Present): the focus on the drawing tools (`tools`), on the stage or on nothing. Not in a text
 * field, a dialog or anywhere else, whose Esc is their own, nor with a modifier held.
 */
export function escStopsDrawing(event: Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'defaultPrevented'>, tools: Element | null): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false
  const target = event.target
  if (!(target instanceof Element)) return false
  if (target === document.body || target === document.documentElement) return true
  return (tools?.contains(target) ?? false) || target.closest(STAGE) !== null
}
