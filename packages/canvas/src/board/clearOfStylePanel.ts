/**
 * Menus opened from the top-right buttons drop down over the style panel below them (tldraw's
 * styles, or the shot inspector in their place, 260 px wide): at 1280 px the Review link menu
 * covered half of the inspector, the two read as one jumble. This says how far to move such a
 * menu towards the left so that it ends clear of that panel.
 */

/** Space kept between the menu and the panel. */
const GAP = 8

/**
 * How many pixels a menu `menuWidth` wide, aligned to the right edge of `trigger` (a button in
 * tldraw's top-right zone), must move left to end before the style panel; 0 when it already
 * does, when there is no panel, or when moved it would leave the screen (it then stays on top).
 */
export function offsetClearOfStylePanel(trigger: HTMLElement, menuWidth: number): number {
  const zone = trigger.closest('.tlui-layout__top__right')
  if (!zone) return 0
  const panelLefts = [...zone.children]
    .filter((child) => !child.contains(trigger))
    .map((child) => child.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0)
    .map((box) => box.left)
  if (panelLefts.length === 0) return 0
  const right = trigger.getBoundingClientRect().right
  const offset = right - (Math.min(...panelLefts) - GAP)
  if (offset <= 0 || right - offset - menuWidth < GAP) return 0
  return Math.ceil(offset)
}
