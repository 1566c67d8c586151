import { PageRecordType } from '@tldraw/tlschema'
import { getIndicesBetween } from '@tldraw/utils'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { exportShotPlan, serializeShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardUrl, createBoard, openBoard } from './support/boardPage'
import { shotsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'

test.setTimeout(240_000)

/** A plan of `count` shots in scenes of 100, as a long series' board would export it. */
function largePlan(count: number): string {
  const page = PageRecordType.create({ id: PageRecordType.createId('main'), name: 'Page 1', index: 'a1' as never })
  const keys = getIndicesBetween(null, null, count)
  const scenes = Array.from({ length: Math.ceil(count / 100) }, (_, i) => createScene({ order: keys[i]!, name: `Scene ${i + 1}` }))
  const shots = keys.map((key, i) =>
    createShotShape({
      parentId: page.id,
      index: key,
      x: (i % 20) * 400,
      y: Math.floor(i / 20) * 300,
      props: { sceneId: scenes[Math.floor(i / 100)]!.id, order: key, title: `Shot ${i + 1}`, action: 'She crosses the yard and looks back at the house.' },
    }),
  )
  return serializeShotPlan(exportShotPlan([page, createBoardSettings({}), ...scenes, ...shots]))
}

test('a large shot plan says it is importing while the board takes it in, then how it went', async ({ newPerson, server }) => {
  const ada = await newPerson()
  await openBoard(ada, boardUrl(server.url, await createBoard(server.url, 'Series')))
  // Every toast title shown, however briefly, in order.
  await ada.evaluate(() => {
    const seen: string[] = ((window as unknown as { toastTitles: string[] }).toastTitles = [])
    new MutationObserver(() => {
      for (const title of document.querySelectorAll('.tlui-toast__title')) {
        const text = title.textContent ?? ''
        if (seen.at(-1) !== text) seen.push(text)
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true })
  })
  await ada.getByTestId('main-menu.button').click()
  await ada.getByTestId('main-menu-sub.shot-plan-button').click()
  const [chooser] = await Promise.all([ada.waitForEvent('filechooser'), ada.getByTestId('main-menu.import-shot-plan').click()])
  await chooser.setFiles({ name: 'series.shot-plan.json', mimeType: 'application/json', buffer: Buffer.from(largePlan(2000)) })
  await expect(ada.locator('.tlui-toast__container')).toContainText('Imported 2000 shots in 20 scenes', { timeout: 120_000 })
  expect(await ada.evaluate(() => (window as unknown as { toastTitles: string[] }).toastTitles)).toEqual([
    `Importing ${isolatedName('series.shot-plan.json')}…`,
    'Imported 2000 shots in 20 scenes',
  ])
  expect((await shotsOnPage(ada)).length).toBe(2000)
})
