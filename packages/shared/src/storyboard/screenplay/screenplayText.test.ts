import { describe, expect, it } from 'vitest'
import { ScreenplayReadError } from './screenplayElements'
import { checkScreenplayText } from './screenplayText'

const SCENE = 'INT. KITCHEN - NIGHT\r\n\r\nMary waits. “Late again.”\r\n'

describe('checkScreenplayText', () => {
  const refusal = (text: string) => {
    try {
      checkScreenplayText(text)
    } catch (error) {
      expect(error).toBeInstanceOf(ScreenplayReadError)
      return (error as Error).message
    }
    return null
  }

  it('lets a script through, in any language, with the odd character a wrong encoding spoilt', () => {
    expect(refusal(SCENE)).toBeNull()
    expect(refusal('INT. בית - לילה\n\nמרים פותחת את הדלת.\n')).toBeNull()
    expect(refusal(`INT. CAFÉ - DAY\n\nShe orders a caf\uFFFD au lait. ${'Words go on. '.repeat(20)}\n`)).toBeNull()
  })

  it('refuses a PDF, a Word or RTF document and other binary files, saying what to export instead', () => {
    expect(refusal('%PDF-1.7\n%âãÏÓ\n1 0 obj<</Type/Catalog>>endobj\n')).toMatch(/^This is a PDF, not a screenplay Storyloom can read: export the script as Fountain \(\.fountain\) or Final Draft \(\.fdx\)/)
    expect(refusal('PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml')).toMatch(/^This is a Word document or another zipped file, not a screenplay/)
    expect(refusal('{\\rtf1\\ansi\\deff0 {\\fonttbl}INT. KITCHEN - NIGHT\\par}')).toMatch(/^This is an RTF document, not a screenplay/)
    expect(refusal('I\u0000N\u0000T\u0000.\u0000')).toMatch(/^This file is not plain text/)
    expect(refusal('\uFFFD\uFFFDx\uFFFD\u0007\uFFFD\uFFFDab\uFFFD')).toMatch(/^This file is not plain text/)
  })
})
