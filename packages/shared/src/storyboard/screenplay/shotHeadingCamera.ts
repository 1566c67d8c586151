import type { ShotCamera } from '../shotShape'

/**
 * The camera a screenplay's shot heading names ("CLOSE ON MARY'S HAND", "WIDE - THE HARBOUR",
 * "LOW ANGLE ON THE TOWER", "MARY'S POV"): its shot size and angle where the heading says one, so
 * an imported shot starts where the writer framed it. What the heading does not name keeps the
 * shot's default.
 */

/** Most specific first: "EXTREME CLOSE" before "CLOSE", "MEDIUM WIDE" before "MEDIUM" and "WIDE". */
const SIZES: ReadonlyArray<readonly [RegExp, ShotCamera['shotSize']]> = [
  [/\b(?:EXTREME|EXTRA) CLOSE|\bECU\b|\bXCU\b/, 'ecu'],
  [/\bMEDIUM CLOSE|\bMCU\b/, 'mcu'],
  [/\bCLOSE(?:[ -]?UP| ON| SHOT)\b|\bCU\b/, 'cu'],
  [/\b(?:EXTREME|EXTRA) (?:WIDE|LONG)|\bEWS\b|\bELS\b|\bESTABLISHING\b/, 'ews'],
  [/\bMEDIUM (?:WIDE|LONG|FULL)|\bMWS\b|\bMLS\b|\bFULL SHOT\b|\bFS\b/, 'mws'],
  [/\bWIDE\b|\bLONG SHOT\b|\bWS\b|\bLS\b/, 'ws'],
  [/\bTWO[ -]SHOT\b|\b2[ -]?SHOT\b/, 'two-shot'],
  [/\bOVER (?:THE |HIS |HER |THEIR )?SHOULDER\b|\bOTS\b|\bO\.T\.S\.?/, 'ots'],
  [/\bPOV\b|\bP\.O\.V\.?/, 'pov'],
  [/\bINSERT\b/, 'insert'],
  // Not "MS." (Ms. Jones).
  [/\bMEDIUM\b|\bMID[ -]SHOT\b|\bMS\b(?!\.)/, 'ms'],
]

const ANGLES: ReadonlyArray<readonly [RegExp, ShotCamera['angle']]> = [
  [/\bWORM'?S?[ -]EYE\b/, 'worms-eye'],
  [/\bOVERHEAD\b|\bBIRD'?S?[ -]EYE\b|\bTOP SHOT\b|\bTOP[ -]DOWN\b/, 'overhead'],
  [/\bHIGH ANGLE\b/, 'high'],
  [/\bLOW ANGLE\b/, 'low'],
  [/\bDUTCH\b|\bCANTED\b/, 'dutch'],
]

/** The shot size and angle `heading` names, as far as it names them. */
export function cameraFromShotHeading(heading: string): Partial<Pick<ShotCamera, 'shotSize' | 'angle'>> {
  const text = heading.toUpperCase().replace(/[’‘]/gu, "'")
  const shotSize = SIZES.find(([pattern]) => pattern.test(text))?.[1]
  const angle = ANGLES.find(([pattern]) => pattern.test(text))?.[1]
  return { ...(shotSize ? { shotSize } : {}), ...(angle ? { angle } : {}) }
}

/**
 * Whether a Fountain action line is a shot heading: one line, in capitals, opening with how the
 * camera frames it ("CLOSE ON THE LETTER.", "ANGLE ON BOB", "INSERT - THE MAP", "POV - MARY").
 * Fountain has no shot element of its own; writers type these as action.
 */
export function isShotHeadingLine(text: string): boolean {
  if (text.includes('\n') || text !== text.toUpperCase() || !/\p{Lu}/u.test(text)) return false
  return /^(?:ANGLE ON|CLOSE ON|CLOSE[ -]?UP|CLOSE SHOT|EXTREME CLOSE|EXTRA CLOSE|MEDIUM|WIDE|ESTABLISHING|INSERT|POV|P\.O\.V|TWO[ -]SHOT|OVER THE SHOULDER|OTS|HIGH ANGLE|LOW ANGLE|OVERHEAD|BIRD'?S[ -]EYE|WORM'?S[ -]EYE|DUTCH ANGLE|ECU|MCU|CU)\b/u.test(text.replace(/[’‘]/gu, "'"))
}
