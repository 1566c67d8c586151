import { mkdir, writeFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect } from './fixtures'

/** The WCAG 2.1 A and AA rules: what agencies' and studios' clients ask a tool they buy to meet. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * What tldraw draws and Storyloom does not control: its canvas (handles, cursors, selection
 * boxes; our shots in it are audited on their own). tldraw's toolbar and its menus' buttons (closed)
 * are audited with the board, as our components in its UI slots are (board title, Share, the
 * inspector, the floating panels): none had a violation, so no rule of theirs is left out.
 */
export const TLDRAW_OWN = ['.tl-canvas']

/** One axe violation where it was found: rule, impact and the elements (CSS selectors). */
export type Finding = { screen: string; rule: string; impact: string; help: string; targets: string[] }

/** Where to audit on a page: CSS selectors to include (default: the whole page) and to leave out. */
export type AuditScope = { include?: string[]; exclude?: string[] }

/**
 * Runs axe's WCAG 2.1 A/AA rules on what `page` shows now, within `scope`; returns every
 * violation, and attaches them, with what axe could not decide and the rules passed, to the
 * test's report under `screen`.
 */
async function audit(page: Page, testInfo: TestInfo, screen: string, scope: AuditScope = {}): Promise<Finding[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA)
  for (const selector of scope.include ?? []) builder = builder.include(selector)
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector)
  const { violations, incomplete, passes } = await builder.analyze()
  const findings = violations.map((v) => ({
    screen,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(' ')),
  }))
  const file = testInfo.outputPath(`axe-${screen.replace(/[^a-z]+/giu, '-')}.json`)
  await mkdir(testInfo.outputDir, { recursive: true })
  // What axe could not decide (e.g. text over an image) is for a person to check: in the report too.
  const unsure = incomplete.map((v) => ({ rule: v.id, targets: v.nodes.map((node) => node.target.join(' ')) }))
  await writeFile(file, JSON.stringify({ violations: findings, incomplete: unsure, passed: passes.map((v) => v.id) }, null, 2))
  await testInfo.attach(`axe: ${screen}`, { path: file, contentType: 'application/json' })
  return findings
}

/**
 * Audits `screen` and fails the test (softly, so every screen of the test is audited) when axe
 * finds a serious or critical violation; moderate and minor ones are in the report only.
 */
export async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, screen: string, scope: AuditScope = {}): Promise<void> {
  const findings = await audit(page, testInfo, screen, scope)
  const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')
  expect.soft(serious, `serious or critical WCAG 2.1 AA violations on ${screen}`).toEqual([])
}
