import { onePersonOnBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { openGenerationForm, theShot } from './support/shotVersions'

/**
 * A shot at the right of the screen keeps its "Built-in model" tag in sight: tldraw's style
 * panel (top right) shows only while styling is relevant (a drawing tool, or shapes selected),
 * not while the director just looks at the board with nothing selected. It once sat over the
 * right-most shot's tag at 1440×900.
 */
test("at 1440×900 the right-most shot's Built-in model tag is not under tldraw's style panel when nothing is selected; a drawing tool still shows the styles", async ({
  newPerson,
  server,
}) => {
  test.setTimeout(180_000)
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Right-most shot')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByTestId('tools.shot').click()
  await page.mouse.click(1150, 300)
  const form = await openGenerationForm(page)
  await form.getByTestId('generation-submit').click()
  await expect(form).toBeHidden()
  await expect.poll(async () => (await theShot(page)).props.activeVersionId, { timeout: 60_000 }).not.toBeNull()
  // A click on empty canvas: nothing selected, the select tool on.
  await page.mouse.click(600, 550)
  await expect.poll(() => page.evaluate(() => window.editor?.getSelectedShapeIds().length)).toBe(0)

  const tag = page.getByTestId('built-in-badge')
  await expect(tag).toBeVisible()
  // Nothing of tldraw's top-right zone (the share buttons, its style panel) lies over the
  // tag's centre. (The tag lets the pointer through, so elementFromPoint cannot tell.)
  const onTop = () =>
    tag.evaluate((el) => {
      const box = el.getBoundingClientRect()
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
      return !Array.from(document.querySelectorAll('.tlui-layout__top__right *, .tlui-style-panel, .tlui-style-panel *')).some((cover) => {
        const r = cover.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom
      })
    })
  expect(await onTop(), 'the tag is clear of the top-right panels').toBe(true)
  await expect(page.getByTestId('style.panel')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('tag-1440.png') })

  // Picking a drawing tool brings tldraw's styles back, as that is when they matter.
  await page.getByTestId('tools.draw').click()
  await expect(page.getByTestId('style.panel')).toBeVisible()
})
