import { describe, expect, it } from 'vitest'
import { createBoardSettings } from './boardSettingsRecord'
import { exportShotPlan, serializeShotPlan } from './shotPlan'
import { parseShotPlan } from './shotPlanSchema'

/** What parseShotPlan says of `text`, as the import's toast lists it. */
function refusal(text: string): string[] {
  const result = parseShotPlan(text)
  return result.ok ? [] : result.errors
}

const PICK_INSTEAD = 'import the JSON shot plan that Shot plan → Export shot plan (JSON) saves'

describe('a file picked as a shot plan that is no JSON', () => {
  it('reads a plan with a byte order mark left at its start', () => {
    const text = serializeShotPlan(exportShotPlan([createBoardSettings({ fps: 25 })]))
    expect(parseShotPlan(`\uFEFF${text}`).ok).toBe(true)
  })

  it('says an empty file is empty', () => {
    expect(refusal('')).toEqual([`The file is empty: ${PICK_INSTEAD}`])
    expect(refusal(' \r\n\r\n')).toEqual([`The file is empty: ${PICK_INSTEAD}`])
  })

  it('says a spreadsheet is one, as Excel (commas, semicolons, a "sep=" line), Google Sheets and Numbers save it', () => {
    const csv = `This is a spreadsheet (CSV), such as the shot list Storyloom exports, which is written for spreadsheets only and cannot be imported: ${PICK_INSTEAD}`
    expect(refusal('Scene,Heading,Shot,Title,Size\r\n1,INT. KITCHEN,1.1,"She ""waits""\nalone",CU\r\n,,,,\r\n')).toEqual([csv])
    expect(refusal('Scene;Heading;Shot;Title;Duration (s)\r\n1;INT. KITCHEN;1.1;Door;2,5\r\n')).toEqual([csv])
    expect(refusal('sep=;\r\nScene;Shot\r\n')).toEqual([csv])
    expect(refusal('Shot\tTitle\n1\tDoor\n')).toEqual([csv])
  })

  it('says binary data (a picture renamed .json, UTF-16 read without its byte order mark) is not text', () => {
    const binary = `This file is not text (it holds binary data), so it is not a shot plan: ${PICK_INSTEAD}`
    expect(refusal('\uFFFDPNG\r\n\u001A\n\u0000\u0000\u0000\rIHDR')).toEqual([binary])
    expect(refusal('{\u0000"\u0000f\u0000')).toEqual([binary])
  })

  it('still says where JSON breaks when it is JSON', () => {
    expect(refusal('{"format": "storyloom.shot-plan",')[0]).toMatch(/^The shot plan is not valid JSON: /)
  })
})
