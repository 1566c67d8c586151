import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { boardWithPictures, stagePicture } from './support/phoneReviewBoard'
import { openPresent } from './support/presentingBoard'

// A review link, and the team's Present, on a tablet held upright or sideways with the grid open:
// every control a finger reaches is 44 px, shows its whole label, overlaps no other and stays on screen.

/** iPad 9.7"/mini and iPad Pro 11", Safari's full screen, each way they are held. */
const TABLETS = {
  upright: [
    { width: 768, height: 1024 },
    { width: 834, height: 1194 },
  ],
  sideways: [
    { width: 1024, height: 768 },
    { width: 1194, height: 834 },
  ],
}

/** What is wrong with the controls on screen: under 44 px, a label cut, two overlapping, off the screen's sides. */
function controlProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The part of `el` on screen: a control scrolled out of its panel is not over what is below the panel.
    const shown = (el: HTMLElement) => {
      const r = el.getBoundingClientRect()
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom]
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflow === 'visible') continue
        const c = up.getBoundingClientRect()
        ;[left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)]
      }
      return { left, top, right, bottom }
    }
    const controls = [...document.querySelectorAll<HTMLElement>('button, a[href], input, textarea, select, [role="slider"]')].filter((el) => {
      const box = shown(el)
      return box.right > box.left && box.bottom > box.top && box.bottom > 0 && box.top < innerHeight
    })
    const name = (el: HTMLElement) => `"${(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').trim().slice(0, 30) || el.tagName}"`
    const problems: string[] = []
    for (const el of controls) {
      const box = el.getBoundingClientRect()
      if (Math.min(box.width, box.height) < 44) problems.push(`${name(el)} is ${Math.round(box.width)}×${Math.round(box.height)} px`)
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)}'s label is cut (${el.scrollWidth} px in ${el.clientWidth})`)
      if (box.left < 0 || box.right > innerWidth) problems.push(`${name(el)} runs off the screen`)
    }
    controls.forEach((a, i) =>
      controls.slice(i + 1).forEach((b) => {
        if (a.contains(b) || b.contains(a)) return
        const [r, s] = [shown(a), shown(b)]
        if (r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1) problems.push(`${name(a)} overlaps ${name(b)}`)
      }),
    )
    if (document.documentElement.scrollWidth > innerWidth) problems.push('the page scrolls sideways')
    return problems
  })
}

/** Opens the grid with a tap, checks its controls, then a tap on shot 1.2's card plays from it. */
async function expectGridForFingers(page: Page, where: string): Promise<void> {
  await page.getByTitle('Grid of all shots (G)').tap()
  await expect(page.locator('.presentation')).toHaveAttribute('data-view', 'grid')
  const cards = page.locator('.presentation-grid__card')
  await expect(cards).toHaveCount(2)
  for (const card of await cards.all()) await expect(card, `each card in view, ${where}`).toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: test.info().outputPath(`${where}.png`) })
  expect(await controlProblems(page), where).toEqual([])
  // Writing a comment: the box's controls (@ suggestions; for a nameless team member, the "Your
  // name" field it adds) are finger-sized too.
  await page.getByRole('textbox', { name: /^Comment on shot/ }).fill('@')
  await expect(page.getByRole('option', { name: '@Kim' })).toBeVisible()
  expect(await controlProblems(page), `${where}, writing a comment`).toEqual([])
  await page.getByRole('textbox', { name: /^Comment on shot/ }).fill('')
  await cards.nth(1).tap()
  await expect(page.locator('.presentation')).toHaveAttribute('data-view', 'player')
  await expect(page.locator('.presentation-stage__title')).toHaveText('Story cut')
}

for (const [held, viewports] of Object.entries(TABLETS)) {
  test(`on a tablet held ${held}, the review link’s grid and the team’s Present grid keep every control finger-sized, whole and apart`, async ({ newPerson, server }) => {
    const path = await boardWithPictures(server.url)
    const { boards } = (await (await fetch(`${server.url}/api/boards`)).json()) as { boards: { id: string }[] }
    // A comment from Kim: everyone's box has someone to suggest after @.
    const kim = await newPerson()
    await kim.goto(server.url + path)
    await kim.getByLabel('Your name').fill('Kim')
    await kim.getByRole('textbox', { name: /^Comment on shot/ }).fill('Warmer')
    await kim.getByRole('button', { name: 'Comment', exact: true }).click()
    await expect(kim.locator('.comment-thread')).toHaveCount(1)
    for (const viewport of viewports) {
      const device = { viewport, screen: viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      const client = await newPerson(device)
      await client.goto(server.url + path)
      await client.getByLabel('Your name').fill('Sarah')
      await stagePicture(client)
      await expectGridForFingers(client, `review ${viewport.width}×${viewport.height}`)

      const team = await newPerson(device)
      await openPresent(team, server.url, boards[0]!.id, 2)
      await expectGridForFingers(team, `present ${viewport.width}×${viewport.height}`)
    }
  })
}
