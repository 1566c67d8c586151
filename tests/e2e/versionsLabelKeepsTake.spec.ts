import { twoPeopleOnBoard } from './support/boardPage'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { selectShot, theShot, uploadTake, versionNode as node } from './support/shotVersions'

test('a label typed on the shown take stays on that take when someone else makes another take active meanwhile', async ({ newPerson, server }) => {
  test.setTimeout(180_000) // two canvas loads and two uploads, on a busy machine
  const { ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Harbour, night')
  await ada.getByTestId('tools.shot').click()
  await ada.mouse.click(640, 420)
  await expect.poll(async () => (await shapesOnPage(ben)).filter((s) => (s.type as string) === 'shot').length).toBe(1)
  await ada.getByTestId('version-panel-toggle').click()
  await uploadTake(ada, 'warm.png', [64, 36], [220, 140, 40])
  const warm = (await theShot(ada)).props.activeVersionId!
  await uploadTake(ada, 'cold.png', [64, 36], [40, 90, 220])
  const cold = (await theShot(ada)).props.activeVersionId!

  // Ben opens the shot's takes: without picking one, the panel shows the active (cold) take, and he labels it.
  await selectShot(ben)
  await ben.getByTestId('version-panel-toggle').click()
  const bensDetails = ben.getByTestId('version-details')
  await expect(bensDetails).toHaveAttribute('data-version-id', cold)
  const bensLabel = bensDetails.getByLabel('Label')
  await bensLabel.click()
  await bensLabel.pressSequentially('Keeper, cold')

  // Meanwhile Ada makes the warm take the shot's image.
  await node(ada, warm).dblclick()
  await expect.poll(async () => (await theShot(ben)).props.activeVersionId).toBe(warm)

  // Ben's panel stays on the take he is labelling, his typing intact; his Enter labels that take, not Ada's pick.
  await expect(bensDetails).toHaveAttribute('data-version-id', cold)
  await expect(bensLabel).toHaveValue('Keeper, cold')
  await bensLabel.pressSequentially(' grade')
  await bensLabel.press('Enter')
  await expect(node(ada, cold)).toContainText('Keeper, cold grade')
  await expect(node(ada, warm).locator('.version-node__label')).toHaveCount(0)
  // And the tree still says which take is the shot's image now.
  await expect(node(ben, warm)).toHaveAttribute('data-active', 'true')
})
