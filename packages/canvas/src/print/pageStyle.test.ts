import { describe, expect, it } from 'vitest'
import { cssString, pageRule } from './pageStyle'

describe('cssString', () => {
  it('keeps a plain name readable', () => {
    expect(cssString('Lumen spot – v2 (final)')).toBe('"Lumen spot – v2 (final)"')
  })

  it('escapes what could end the string or the style sheet, and reads back as the text', () => {
    const hostile = 'a"; } body { display: none } /* \\ \n </style> 🎬 مقهى'
    const inner = cssString(hostile).slice(1, -1)
    expect(inner).not.toMatch(/["{}<>\n/*]/)
    // How a CSS parser reads a hex escape: the code point, and one space after it belongs to the escape.
    const read = inner.replace(/\\([0-9a-f]{1,6}) ?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    expect(read).toBe(hostile)
  })
})

describe('pageRule', () => {
  it('sets the orientation and the footer, leaving the paper size to the print dialog', () => {
    const rule = pageRule('portrait', 'Lumen · 3 December 2026')
    expect(rule).toContain('size: portrait;')
    expect(rule).toContain('@bottom-left { content: "Lumen · 3 December 2026";')
    expect(rule).toContain('counter(pages)')
  })

  it('leaves the page no margin, where Chrome would print its own header and footer beside ours', () => {
    expect(pageRule('landscape', 'Lumen')).toMatch(/^\s*margin: 0;$/m)
  })
})
