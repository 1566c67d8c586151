import type { Locator } from '@playwright/test'

/** A text's contrast with what is behind it, as WCAG 2 measures it (1 to 21). */
export type TextContrast = { text: string; ratio: number }

/**
 * The contrast of every text in `root` (each element's own text) with the colour behind it,
 * from computed colours: backgrounds composited from the page's white up, and the `opacity`
 * of the text's ancestors blending text and background into what is behind each faded group.
 * Text of an inactive control (disabled, or `aria-disabled="true"`, such as a Reply button with
 * nothing typed) is left out, as WCAG 1.4.3 exempts it.
 */
export function textContrasts(root: Locator): Promise<TextContrast[]> {
  return root.evaluate((element) => {
    type Rgb = [number, number, number]
    const parse = (css: string): [Rgb, number] => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number)
      return [[r, g, b], css.startsWith('rgba') ? a : 1]
    }
    const over = (top: Rgb, alpha: number, under: Rgb): Rgb => top.map((c, i) => c * alpha + under[i]! * (1 - alpha)) as Rgb
    const luminance = (rgb: Rgb) => {
      const [r, g, b] = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as Rgb
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const inactive = (e: Element) => e.closest(':disabled, [aria-disabled="true"]') !== null
    const texts = [element, ...element.querySelectorAll('*')].filter(
      (e) => !inactive(e) && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
    )
    return texts.map((e) => {
      const chain: Element[] = []
      for (let at: Element | null = e; at; at = at.parentElement) chain.unshift(at)
      let behind: Rgb = [255, 255, 255]
      const backdrops: Rgb[] = []
      for (const level of chain) {
        backdrops.push(behind)
        const [bg, alpha] = parse(getComputedStyle(level).backgroundColor)
        behind = over(bg, alpha, behind)
      }
      const [fg, fgAlpha] = parse(getComputedStyle(e).color)
      let text = over(fg, fgAlpha, behind)
      let background = behind
      for (let i = chain.length - 1; i >= 0; i--) {
        const opacity = Number(getComputedStyle(chain[i]!).opacity)
        text = over(text, opacity, backdrops[i]!)
        background = over(background, opacity, backdrops[i]!)
      }
      const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number]
      return { text: e.textContent!.trim(), ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100 }
    })
  })
}
