import { describe, expect, it } from 'vitest'
import { printTitle } from './printTitle'

const FSI = '\u2068'
const PDI = '\u2069'

describe('a print page\'s tab title', () => {
  it('is the board and what is printed, the name set apart on screen and plain while printing (the PDF\'s file name)', () => {
    expect(printTitle('Harbour night', 'Storyboard')).toEqual({ onScreen: `${FSI}Harbour night${PDI} – Storyboard`, printed: 'Harbour night – Storyboard' })
    expect(printTitle(undefined, 'Review notes')).toEqual({ onScreen: 'Review notes · Storyloom', printed: 'Review notes · Storyloom' })
  })

  it('says whose shots one person\'s storyboard is, so each artist\'s PDF is saved under its own name', () => {
    const forAda = printTitle('Harbour night', 'Storyboard', { kind: 'person', name: 'Ada' })
    expect(forAda).toEqual({ onScreen: `${FSI}Harbour night${PDI} – Shots for ${FSI}Ada${PDI}`, printed: 'Harbour night – Shots for Ada' })
    expect(printTitle('Harbour night', 'Storyboard', { kind: 'nobody' })).toEqual({
      onScreen: `${FSI}Harbour night${PDI} – Unassigned shots`,
      printed: 'Harbour night – Unassigned shots',
    })
    expect(printTitle(undefined, 'Storyboard', { kind: 'person', name: 'Ada' }).onScreen).toBe(`Shots for ${FSI}Ada${PDI} · Storyloom`)
    expect(printTitle('Harbour night', 'Storyboard', null).printed).toBe('Harbour night – Storyboard')
  })

  it('keeps a right-to-left board or person name from carrying the words around it to its side on screen', () => {
    const { onScreen, printed } = printTitle('مشهد ١', 'Storyboard', { kind: 'person', name: 'مريم (former member)' })
    expect(onScreen).toBe(`${FSI}مشهد ١${PDI} – Shots for ${FSI}مريم (former member)${PDI}`)
    expect(printed).toBe('مشهد ١ – Shots for مريم (former member)')
  })

  it('drops from the names the characters that would reorder the title or break the file name', () => {
    // An override run on past the name (a name saved before the typed-name rule), a tab, a bell, a line break.
    const { onScreen, printed } = printTitle('Harbour\u202e night\u0007', 'Storyboard', { kind: 'person', name: 'Ada\u2069\tLovelace\n' })
    expect(onScreen).toBe(`${FSI}Harbour night${PDI} – Shots for ${FSI}Ada Lovelace${PDI}`)
    expect(printed).toBe('Harbour night – Shots for Ada Lovelace')
  })
})
