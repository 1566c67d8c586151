// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest'
import { createShapeId, type Editor, type IndexKey, type TLShapeId } from 'tldraw'
import type { SceneId } from '@storyloom/shared/storyboard/sceneRecord'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { moveShots } from '../sequence/sequenceCommands'
import { NEW_SHOT_GAP } from '../sequence/shotPlacementOnCanvas'
import { addScene, assignShotToScene } from './sceneCommands'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

/** Two scenes, each a row of shots: "Bank" at y 0 with three, "Vault" at y 1000 with two. */
function twoRows() {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const row = (scene: SceneId, y: number, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const id = createShapeId()
      editor.createShape({ id, type: 'shot', x: i * 500, y, props: { sceneId: scene, order: `a${i + 1}` as IndexKey } })
      return id
    })
  const bank = addScene(editor, { name: 'Bank' })
  const vault = addScene(editor, { name: 'Vault' })
  const bankShots = row(bank, 0, 3)
  const vaultShots = row(vault, 1000, 2)
  return { editor, bank, vault, bankShots, vaultShots }
}

const shot = (editor: Editor, id: TLShapeId) => editor.getShape<TLShotShape>(id)!

it('a shot moved to another scene in the inspector goes to the end of that scene’s row, the row it left closes up, and one undo puts both back', () => {
  const { editor, vault, bankShots, vaultShots } = twoRows()
  const moved = bankShots[1]!
  const lastOfVault = shot(editor, vaultShots[1]!)
  assignShotToScene(editor, moved, vault)
  expect(shot(editor, moved).props.sceneId).toBe(vault)
  expect({ x: shot(editor, moved).x, y: shot(editor, moved).y }).toEqual({ x: lastOfVault.x + lastOfVault.props.w + NEW_SHOT_GAP, y: 1000 })
  // The bank's last shot takes the slot the moved one left: no gap in its row.
  expect({ x: shot(editor, bankShots[2]!).x, y: shot(editor, bankShots[2]!).y }).toEqual({ x: 500, y: 0 })

  editor.undo()
  expect(shot(editor, moved).props.sceneId).not.toBe(vault)
  expect({ x: shot(editor, moved).x, y: shot(editor, moved).y }).toEqual({ x: 500, y: 0 })
  expect({ x: shot(editor, bankShots[2]!).x, y: shot(editor, bankShots[2]!).y }).toEqual({ x: 1000, y: 0 })
})

it('shots dragged in the strip into another scene land beside their new neighbours; a reorder within the scene then moves its row along', () => {
  const { editor, vault, bankShots, vaultShots } = twoRows()
  const first = shot(editor, vaultShots[0]!)
  // Dropped after the vault's first card: they take its place and the vault's second shot slides right.
  expect(moveShots(editor, [bankShots[0]!, bankShots[2]!], { after: vaultShots[0]! })).toBe(true)
  const a = shot(editor, bankShots[0]!)
  const b = shot(editor, bankShots[2]!)
  expect([a.props.sceneId, b.props.sceneId]).toEqual([vault, vault])
  expect([a.y, b.y]).toEqual([1000, 1000])
  const step = first.props.w + NEW_SHOT_GAP
  expect([a.x, b.x]).toEqual([first.x + step, first.x + 2 * step])
  expect(shot(editor, vaultShots[1]!).x).toBe(first.x + 3 * step)

  // The row reads as the strip, so the vault's last shot moved to its front takes the first slot.
  expect(moveShots(editor, [vaultShots[1]!], { before: vaultShots[0]! })).toBe(true)
  const row = [vaultShots[1]!, vaultShots[0]!, bankShots[0]!, bankShots[2]!].map((id) => ({ x: shot(editor, id).x, y: shot(editor, id).y }))
  expect(row).toEqual([0, 1, 2, 3].map((i) => ({ x: first.x + i * step, y: 1000 })))
})

it('the selected shot moved to another scene from the inspector is brought into view where it lands', async () => {
  const { editor, vault, bankShots } = twoRows()
  const moved = bankShots[0]!
  editor.select(moved)
  editor.setCamera({ x: 0, y: 0, z: 1 })
  assignShotToScene(editor, moved, vault)
  await expect
    .poll(() => editor.getViewportPageBounds().contains(editor.getShapePageBounds(moved)!), { timeout: 2_000 })
    .toBe(true)
})
