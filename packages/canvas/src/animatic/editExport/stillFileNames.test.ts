import { describe, expect, it } from 'vitest'
import { safeFileNamePart, stillFileNames } from './stillFileNames'

describe('stillFileNames', () => {
  it('names stills so they sort in order and say which shot they are', () => {
    expect(stillFileNames([{ number: '1.2', title: 'Opening' }, { number: '1.3', title: 'Close up on Maya' }, { number: '2A', title: '' }])).toEqual([
      '010_1.2_Opening.png',
      '020_1.3_Close_up_on_Maya.png',
      '030_2A.png',
    ])
  })

  it('pads the position to sort past 99 shots', () => {
    const names = stillFileNames(Array.from({ length: 120 }, (_, i) => ({ number: String(i + 1), title: 'x' })))
    expect(names[0]).toBe('0010_1_x.png')
    expect([...names].sort()).toEqual(names)
  })

  it('keeps hostile titles out of paths and control characters out of names, and bounds their length', () => {
    const [name] = stillFileNames([{ number: '1', title: '../../etc/passwd\u0000\u202Egnp.exe\n<b>&"x":|?*' }])
    expect(name).toBe('010_1_etc_passwdgnp.exe_b_&_x.png')
    const long = stillFileNames([{ number: '1', title: 'é'.repeat(300) }])[0]!
    expect([...long].length).toBeLessThanOrEqual(4 + 1 + 1 + 1 + 60 + 4)
  })

  it('names files in ASCII, as the EDL names them (accents dropped, other scripts left out), and makes names unique also where case does not count', () => {
    expect(safeFileNamePart('مرحبا Été — “Brûlée”')).toBe('Ete_-_Brulee')
    expect(stillFileNames([{ number: '1.2', title: '港の朝' }])).toEqual(['010_1.2.png'])
    const names = stillFileNames([{ number: '', title: 'A' }, { number: '', title: 'a' }])
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2)
    expect(safeFileNamePart('...')).toBe('')
  })
})
