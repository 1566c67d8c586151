import { PORTRAIT_BREAKPOINT, useBreakpoint } from 'tldraw'

/**
 * How the board's top bar fits its width:
 * - `full`: every control spelled out in one row (the desktop layout);
 * - `narrow`: Present, the connection badge and People stay, the rest goes into a "More" menu;
 * - `phone`: as narrow, with Present, the connection badge (while Live) and the title's "Boards"
 *   shown as icons, their words kept for screen readers.
 */
export type TopBarLayout = 'full' | 'narrow' | 'phone'

/**
 * The layout for tldraw's breakpoint (its container's width, the one tldraw collapses its own
 * menus by). Below desktop (1023 px) the full row (title, Comments, Review link, Present, badge,
 * Share, people, account name) no longer fits beside tldraw's menu; below 580 px not even the
 * kept controls do in words beside the title.
 */
export function topBarLayout(breakpoint: number): TopBarLayout {
  if (breakpoint >= PORTRAIT_BREAKPOINT.DESKTOP) return 'full'
  return breakpoint >= PORTRAIT_BREAKPOINT.MOBILE ? 'narrow' : 'phone'
}

/** {@link topBarLayout} for the tldraw UI this is rendered in (its top slots). */
export function useTopBarLayout(): TopBarLayout {
  return topBarLayout(useBreakpoint())
}
