import { mkdir, writeFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect } from './fixtures'

/**
 * The WCAG 2.1 A and AA rules (what agencies' and studios' clients ask a tool they buy to meet),
 * and axe's best practices (landmarks, headings, names of regions), which screen-reader users
 * navigate by even where WCAG does not require them.
 */
const AUDITED_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

/**
 * What tldraw draws and Storyloom does not control: its canvas (handles, cursors, selection
 * boxes; our shots in it are audited on their own). tldraw's toolbar and its menus' buttons (closed)
 * are audited with the board, as our components in its UI slots are (board title, Share, the
 * inspector, the floating panels): none had a violation, so no rule of theirs is left out.
 */
export const TLDRAW_OWN = ['.tl-canvas']

/** Our floating panels, their toggles and the find bar: tldraw puts them inside its canvas, so they are audited on their own. */
export const IN_FRONT_OF_CANVAS = '.tl-canvas__in-front'

/** One axe violation where it was found: rule, impact and the elements (CSS selectors). */
export type Finding = { screen: string; rule: string; impact: string; bestPractice: boolean; help: string; targets: string[] }

/**
 * Rules whose "cannot decide" fails the audit too. `bypass` (WCAG 2.4.1): a page whose repeated
 * blocks axe finds no way past — no skip link, or none it can follow — is one keyboard users must
 * Tab through; the board was one before its skip links.
 */
const MUST_BE_DECIDED = new Set(['bypass'])

/** Where to audit on a page: CSS selectors to include (default: the whole page) and to leave out. */
export type AuditScope = { include?: string[]; exclude?: string[] }

/**
 * Runs axe's WCAG 2.1 A/AA rules on what `page` shows now, within `scope`; returns every
 * violation, and attaches them, with what axe could not decide and the rules passed, to the
 * test's report under `screen`.
 */
async function audit(page: Page, testInfo: TestInfo, screen: string, scope: AuditScope = {}): Promise<Finding[]> {
  let builder = new AxeBuilder({ page }).withTags(AUDITED_TAGS)
  for (const selector of scope.include ?? []) builder = builder.include(selector)
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector)
  const { violations, incomplete, passes } = await builder.analyze()
  const findings = violations.map((v) => ({
    screen,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    bestPractice: v.tags.includes('best-practice'),
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(' ')),
  }))
  const file = testInfo.outputPath(`axe-${screen.replace(/[^a-z]+/giu, '-')}.json`)
  await mkdir(testInfo.outputDir, { recursive: true })
  // What axe could not decide (e.g. text over an image) is for a person to check: in the report too.
  const unsure = incomplete.map((v) => ({ rule: v.id, targets: v.nodes.map((node) => node.target.join(' ')) }))
  await writeFile(file, JSON.stringify({ violations: findings, incomplete: unsure, passed: passes.map((v) => v.id) }, null, 2))
  await testInfo.attach(`axe: ${screen}`, { path: file, contentType: 'application/json' })
  const undecided = incomplete
    .filter((v) => MUST_BE_DECIDED.has(v.id))
    .map((v) => ({ screen, rule: v.id, impact: 'undecided', bestPractice: false, help: v.help, targets: v.nodes.map((node) => node.target.join(' ')) }))
  return [...findings, ...undecided]
}

/**
 * Audits `screen` and fails the test (softly, so every screen of the test is audited) when axe
 * finds a serious or critical WCAG violation, any best-practice one (axe rates nearly all of them
 * moderate, so a serious-only gate would never see them), or cannot decide a rule of
 * MUST_BE_DECIDED; moderate and minor WCAG ones are in the report only.
 */
export async function expectNoBlockingViolations(page: Page, testInfo: TestInfo, screen: string, scope: AuditScope = {}): Promise<void> {
  const findings = await audit(page, testInfo, screen, scope)
  const blocking = findings.filter((f) => f.bestPractice || f.impact === 'serious' || f.impact === 'critical' || f.impact === 'undecided')
  expect.soft(blocking, `accessibility violations on ${screen}`).toEqual([])
}
