import { chromium, type Browser } from '@playwright/test'

/**
 * The Chromium every canvas benchmark uses (Debian's, or `CHROMIUM_PATH`): software rendering
 * and no background traffic, so runs compare like with like.
 */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
}
