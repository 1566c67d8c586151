import { describe, expect, it } from 'vitest'
import { asciiText, asciiTruncated } from './asciiText'

describe('asciiText', () => {
  it('turns dashes and curly quotes into their ASCII look-alikes', () => {
    expect(asciiText('Harbour — final cut – v2')).toBe('Harbour - final cut - v2')
    expect(asciiText('“Don’t,” she says… «non»')).toBe(`"Don't," she says... "non"`)
  })

  it('drops accents and spells the letters that have none to drop', () => {
    expect(asciiText('Élise à la Crème brûlée, Ñandú, Şişli, Dvořák')).toBe('Elise a la Creme brulee, Nandu, Sisli, Dvorak')
    expect(asciiText('Straße, Æsir, Œuvre, Ørsted, Łódź, Đorđe, Þórr')).toBe('Strasse, AEsir, OEuvre, Orsted, Lodz, Dorde, THorr')
    expect(asciiText('ﬁnal ＡＢＣ')).toBe('final ABC')
  })

  it('leaves out what it cannot spell, and keeps the result on one line', () => {
    expect(asciiText('港の朝 Harbour')).toBe('Harbour')
    expect(asciiText('مرحبا')).toBe('')
    expect(asciiText('a\r\n\tb\u00A0 c')).toBe('a b c')
    expect(asciiText('emoji 🎬 here')).toBe('emoji here')
  })

  it('cuts to a length with an ASCII ellipsis', () => {
    expect(asciiTruncated('Café scene', 20)).toBe('Cafe scene')
    const cut = asciiTruncated('Élise '.repeat(20), 20)
    expect(cut).toBe('Elise Elise Elise...')
    expect(cut.length).toBeLessThanOrEqual(20)
  })
})
