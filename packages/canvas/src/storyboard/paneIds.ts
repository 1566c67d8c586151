/**
 * The ids of the board's panes (F6's stops), which its skip links point at, so each is a real
 * in-page link (axe's skip-link rule, screen readers' lists of links).
 */
export const PANE_IDS = {
  canvas: 'board-canvas',
  inspector: 'shot-inspector',
  strip: 'sequence-strip',
} as const
