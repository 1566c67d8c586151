import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * How the sequence strip's bar fits its width:
 * - `inline`: the board's settings (numbering, frame rate, frame guides) and the light table sit in the bar, as on a
 *   desktop;
 * - `menu`: they move behind one "Strip settings" button, so the bar keeps its stats, "+ Scene" and collapse readable.
 */
export type StripBarLayout = 'inline' | 'menu'

/**
 * The narrowest bar that keeps the settings inline: the top bar's desktop width (topBarLayout.ts). Below it the
 * settings' words and selects ran into each other (1023 px down to ~700 px clipped every select to a few letters;
 * a 390 px phone pushed three of four controls off the screen).
 */
export const STRIP_SETTINGS_INLINE_MIN_WIDTH = 1024

/** The layout for a bar this wide (CSS px). An unmeasured bar (0) is a desktop one, as the server-less first paint. */
export function stripBarLayout(width: number): StripBarLayout {
  return width === 0 || width >= STRIP_SETTINGS_INLINE_MIN_WIDTH ? 'inline' : 'menu'
}

/** Where the settings menu opens: above its button, its right edge on the button's, inside the screen by `margin`. */
export function stripSettingsPlacement(
  button: { readonly top: number; readonly right: number },
  screen: { readonly width: number; readonly height: number },
  margin = 8,
): { readonly bottom: number; readonly right: number } {
  return { bottom: Math.max(margin, screen.height - button.top + 4), right: Math.max(margin, screen.width - button.right) }
}

/** {@link stripBarLayout} for the bar `ref` points at, measured before paint and again whenever it is resized. */
export function useStripBarLayout(ref: RefObject<HTMLElement | null>): StripBarLayout {
  const [layout, setLayout] = useState<StripBarLayout>('inline')
  useLayoutEffect(() => {
    const bar = ref.current
    if (!bar) return
    const read = () => setLayout(stripBarLayout(bar.getBoundingClientRect().width))
    read()
    const observer = new ResizeObserver(read)
    observer.observe(bar)
    return () => observer.disconnect()
  }, [ref])
  return layout
}
