import type { Locator, Page } from '@playwright/test'
import { signUpWithBoard } from './support/accounts'
import { connectionBadge, expectConnection, onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { placeShot } from './support/shotVersions'

/** Where the open Review link menu and the panel under the top-right buttons are, and whether each control of the menu takes a click. */
function menuAndPanel(page: Page) {
  return page.evaluate(() => {
    const menu = document.querySelector('.share-links')!.getBoundingClientRect()
    const panel = document.querySelector('.shot-inspector')!.getBoundingClientRect()
    const covered = Array.from(document.querySelectorAll<HTMLElement>('.share-links :is(button, input, select)'))
      .filter((control) => {
        const box = control.getBoundingClientRect()
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
        return !hit || !control.contains(hit)
      })
      .map((control) => control.getAttribute('aria-label') ?? control.textContent)
    const apart = menu.right <= panel.left || menu.left >= panel.right || menu.bottom <= panel.top || menu.top >= panel.bottom
    return { apart, covered, inView: menu.left >= 0 && menu.bottom <= innerHeight }
  })
}

for (const height of [800, 720]) {
  test(`at 1280×${height} the Review link menu opens clear of the shot inspector, every control in it usable`, async ({ newPerson, server }) => {
    const { page } = await onePersonOnBoard(newPerson, server.url, 'Review menu')
    await page.setViewportSize({ width: 1280, height })
    await placeShot(page, 'Ada waves the drone in.')
    await page.getByRole('button', { name: 'Review link' }).click()
    const menu = page.locator('.share-links')
    await menu.getByLabel('Link label').fill('Client cut')
    await menu.getByRole('button', { name: 'Create link' }).click()
    await expect(menu).toContainText('Client cut')
    await expect.poll(() => menuAndPanel(page)).toEqual({ apart: true, covered: [], inView: true })
    await page.screenshot({ path: test.info().outputPath(`review-link-menu-1280x${height}.png`) })
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
  })
}

test('the Review link menu isolates a typed label in a <bdi>, so a right-to-left one keeps its place; a long one wraps, whole; each link says when it expires', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Review menu label')
  await page.getByRole('button', { name: 'Review link' }).click()
  const menu = page.locator('.share-links')
  await menu.getByLabel('Link label').fill('عميل: القصة')
  await menu.getByRole('button', { name: 'Create link' }).click()
  await expect(menu.locator('.share-links__item bdi')).toHaveText(['عميل: القصة'])
  await expect(menu.locator('.share-links__item-meta')).toHaveText(['Active · never expires'])

  // As long as a label may be (80 characters): read whole, on more lines, not cut at the menu's edge.
  const long = 'Sarah Okafor, brand director, Lumen Coffee: final round before the spring launch'
  await menu.getByLabel('Link label').fill(long)
  await menu.getByLabel('Expires').selectOption({ label: '7 days' })
  await menu.getByRole('button', { name: 'Create link' }).click()
  const label = menu.locator('.share-links__item-label').first()
  await expect(label).toHaveText(long)
  expect(await label.evaluate((node) => ({ cut: node.scrollWidth > node.clientWidth, lines: node.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(node).fontSize) }))).toEqual({ cut: false, lines: true })
  await expect(menu.locator('.share-links__item-meta').first()).toHaveText(/^Active · expires .*\d{1,2}:\d{2}/)
  await menu.screenshot({ path: test.info().outputPath('long-label.png') })
})

/** Where each shown control of the board's top bar is, and whether it is inside the screen and clear of the title and the top-left panel toggles. */
function topBarLayout(page: Page) {
  return page.evaluate(() => {
    const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom
    const others = [document.querySelector('.board-title')!, ...document.querySelectorAll('.floating-panel__toggle')].map((e) => e.getBoundingClientRect())
    const controls = [...document.querySelectorAll<HTMLElement>('.board-share-panel > *, .board-share-panel > * > *')].filter((e) => e.matches('a, button, [role=status]'))
    return controls
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0)
      .filter(({ box }) => box.left < 0 || box.right > innerWidth || !others.every((other) => apart(box, other)))
      .map(({ control }) => control.getAttribute('aria-label') ?? control.textContent)
  })
}

/**
 * The boxes of the phone bar's tap targets (Present, People, More) and those that overlap another one:
 * each box is the control's own, so what it measures is what a finger hits.
 */
function tapTargets(page: Page) {
  return page.evaluate(() => {
    const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom
    const controls = ['.board-present-button', '.people-menu__button', '.board-more-menu__button'].map((selector) => document.querySelector(selector)!)
    const boxes = controls.map((control) => control.getBoundingClientRect())
    return {
      coarse: matchMedia('(pointer: coarse)').matches,
      sizes: boxes.map((box) => ({ width: Math.round(box.width), height: Math.round(box.height) })),
      overlapping: boxes.flatMap((box, i) => boxes.slice(i + 1).filter((other) => !apart(box, other)).map(() => i)),
    }
  })
}

/**
 * The sequence strip bar's shown parts (its buttons, stats, each setting's words and select, the settings menu's too
 * while open) that stick out of the screen or overlap another one, named by their words; and the heights of its
 * buttons and selects, what a finger hits.
 */
function stripBarLayout(page: Page) {
  return page.evaluate(() => {
    const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom
    const nameOf = (part: HTMLElement) =>
      part instanceof HTMLSelectElement ? `${part.labels?.[0]?.firstChild?.textContent} select` : (part.getAttribute('aria-label') ?? part.textContent ?? '').trim()
    const parts = [...document.querySelectorAll<HTMLElement>('.sequence-strip__header :is(button, select, .sequence-strip__stat, .sequence-strip__setting > span)')]
      .map((part) => ({ part, name: nameOf(part), box: part.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0)
    return {
      outside: parts.filter(({ box }) => box.left < 0 || box.right > innerWidth || box.top < 0 || box.bottom > innerHeight).map(({ name }) => name),
      overlapping: parts.flatMap((a, i) => parts.slice(i + 1).filter((b) => !apart(a.box, b.box)).map((b) => `${a.name} × ${b.name}`)),
      targetHeights: parts.filter(({ part }) => part.matches('button, select')).map(({ name, box }) => [name, Math.round(box.height)] as const),
      // How far the strip is taller than the room the canvas keeps for it (the shot inspector's and scene editor's limits).
      pastItsRoom: Math.round(
        document.querySelector('.sequence-strip')!.getBoundingClientRect().height -
          parseFloat(getComputedStyle(document.querySelector('.board-canvas')!).getPropertyValue('--sequence-strip-height')),
      ),
    }
  })
}

/** Expects every shown control of the strip's bar (and its open menu) to be a 44 px tall tap target. */
async function expectStripTapTargets(page: Page): Promise<void> {
  for (const [name, height] of (await stripBarLayout(page)).targetHeights) expect(height, name).toBeGreaterThanOrEqual(44)
}

/** How many of the board name's first characters the top bar shows before its ellipsis (all of them when it fits). */
function visibleNameCharacters(page: Page) {
  return page.evaluate(() => {
    const name = document.querySelector<HTMLElement>('.board-title__name')!
    const text = name.textContent ?? ''
    const style = getComputedStyle(name)
    const room = name.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    const context = document.createElement('canvas').getContext('2d')!
    context.font = style.font
    if (context.measureText(text).width <= room) return text.length
    let shown = 0
    while (shown < text.length && context.measureText(`${text.slice(0, shown + 1)}…`).width <= room) shown++
    return shown
  })
}

async function expectInsideScreen(control: Locator, width: number): Promise<void> {
  await expect(control).toBeVisible()
  const box = (await control.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(width)
}

test.describe('with accounts (Share and the account name in the top bar too)', () => {
  test.use({ serverOptions: { env: { STORYLOOM_AUTH: 'required' } } })

  test('on a phone (390×844) the board keeps Present, the connection badge and People in view, clear of the title, and its name readable offline; Review link opens from More, Escape steps back out; the strip bar fits, its settings behind ⋮', async ({ newPerson, server }) => {
    // A touch screen: the coarse-pointer rules give Present, People and More a finger's room.
    const page = await newPerson({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    await signUpWithBoard(page, server.url, { name: 'Ada Lovelace', email: 'ada@example.com' }, 'Hero shot — the long board name')
    await expectConnection(page, 'connected')
    await expectInsideScreen(page.getByRole('link', { name: 'Present' }), 390)
    await expectInsideScreen(connectionBadge(page), 390)
    await expectInsideScreen(page.locator('.people-menu__button'), 390)
    await expect.poll(() => topBarLayout(page)).toEqual([])
    // At least 44×44 px each (WCAG 2.5.5, Apple's HIG), none over another.
    const targets = await tapTargets(page)
    expect(targets.coarse).toBe(true)
    for (const size of targets.sizes) {
      expect(size.width).toBeGreaterThanOrEqual(44)
      expect(size.height).toBeGreaterThanOrEqual(44)
    }
    expect(targets.overlapping).toEqual([])
    await page.screenshot({ path: test.info().outputPath('top-bar-390.png') })

    // The sequence strip's bar: every part in the screen, none over another, each button a finger's height.
    await expect.poll(() => stripBarLayout(page)).toMatchObject({ outside: [], overlapping: [] })
    expect((await stripBarLayout(page)).pastItsRoom).toBeLessThanOrEqual(0)
    await expectStripTapTargets(page)
    await page.screenshot({ path: test.info().outputPath('strip-bar-390.png') })
    // Its settings and the light table are one tap away, each usable there; Escape puts them away.
    const stripSettings = page.getByRole('button', { name: 'Strip settings' })
    await stripSettings.click()
    await expect.poll(() => stripBarLayout(page)).toMatchObject({ outside: [], overlapping: [] })
    await expectStripTapTargets(page)
    await page.screenshot({ path: test.info().outputPath('strip-settings-390.png') })
    await page.getByLabel('Frame rate').selectOption('25')
    await expect(page.getByTestId('sequence-runtime')).toHaveAttribute('title', /at 25 fps/)
    const lightTable = page.getByRole('button', { name: 'Light table' })
    await lightTable.click()
    await expect(lightTable).toHaveAttribute('aria-pressed', 'true')
    await page.keyboard.press('Escape')
    await expect(lightTable).toBeHidden()
    await expect(stripSettings).toBeFocused()

    const more = page.getByRole('button', { name: 'More board controls' })
    await more.click()
    await expect(page.getByRole('button', { name: 'Share' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Ada Lovelace' })).toBeVisible()
    const reviewLink = page.getByRole('button', { name: 'Review link' })
    await reviewLink.click()
    const menu = page.locator('.share-links')
    await menu.getByLabel('Link label').fill('Client cut')
    await menu.getByRole('button', { name: 'Create link' }).click()
    await expect(menu).toContainText('Client cut')
    await expectInsideScreen(menu, 390)
    await page.screenshot({ path: test.info().outputPath('review-link-from-more-390.png') })
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    await expect(reviewLink).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(reviewLink).toHaveCount(0)
    await expect(more).toBeFocused()

    // Offline keeps its word on a phone: still all in the screen, clear of the title.
    await page.context().setOffline(true)
    await expectConnection(page, 'offline')
    await expectInsideScreen(connectionBadge(page), 390)
    await expect.poll(() => topBarLayout(page)).toEqual([])
    await page.screenshot({ path: test.info().outputPath('top-bar-390-offline.png') })
    // The board's name stays readable beside the wider badge; the page menu, drawn as its chevron, is still named by its page.
    expect(await visibleNameCharacters(page)).toBeGreaterThanOrEqual(8)
    await expect(page.getByRole('button', { name: 'Page 1' })).toBeVisible()
    await page.context().setOffline(false)
    await expectConnection(page, 'connected')

    for (const width of [600, 768]) {
      await page.setViewportSize({ width, height: 1024 })
      await expectInsideScreen(page.getByRole('link', { name: 'Present' }), width)
      await expect.poll(() => topBarLayout(page)).toEqual([])
      await expect.poll(() => stripBarLayout(page)).toMatchObject({ outside: [], overlapping: [] })
      await page.screenshot({ path: test.info().outputPath(`top-bar-${width}.png`) })
    }
  })
})
