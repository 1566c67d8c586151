import { boardUrl, createBoard, openBoard } from './support/boardPage'
import { setUserName } from './support/editorState'
import { expect, test } from './support/fixtures'

test('someone who never gave a name is asked for it in the comment box: left empty, the comment is from "Someone on the team", never their cursor\'s made-up "Guest Fox"; given, it signs the comment and names their cursor', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Who commented')
  const url = boardUrl(server.url, boardId)
  const guest = await newPerson()
  const ben = await newPerson()
  await openBoard(guest, url)
  await openBoard(ben, url)
  await setUserName(ben, 'Ben')
  const madeUp = await guest.evaluate(() => window.editor!.user.getName())
  expect(madeUp).toMatch(/^Guest \w+$/)

  await guest.getByRole('button', { name: /^Comments/ }).click()
  const list = guest.locator('.comments-menu')
  const newComment = list.locator('.comment-composer').first()
  const name = newComment.getByRole('textbox', { name: 'Your name' })
  const commentText = newComment.getByRole('textbox', { name: /^Comment pinned/ })
  // Asked where they write, once they do.
  await commentText.click()
  await expect(name).toHaveCount(0)
  // @ suggests people by the names they chose: Ben, not this person's own made-up cursor name.
  await commentText.fill('@')
  await expect(newComment.getByRole('option')).toHaveText(['@Ben'])
  await expect(name).toHaveAttribute('placeholder', 'Someone on the team')
  await expect(name).toHaveAccessibleDescription('Shown with your comments and on your cursor. Left empty, your comment is from “Someone on the team”.')
  await list.screenshot({ path: test.info().outputPath('comment-asks-name.png') })
  await commentText.fill('Too dark here')
  await newComment.getByRole('button', { name: 'Comment' }).click()
  const first = list.locator('.comment-thread').filter({ hasText: 'Too dark here' })
  await expect(first.locator('.comment__author')).toHaveText('Someone on the team')
  // A thread's reply box asks only once written in: one name field in the list, where the writing is.
  const nameFields = list.getByRole('textbox', { name: 'Your name' })
  await expect(nameFields).toHaveCount(0)
  await first.getByRole('textbox', { name: 'Reply…' }).fill('Agreed')
  await expect(nameFields).toHaveCount(1)
  await expect(first.getByRole('textbox', { name: 'Your name' })).toHaveValue('')
  await first.getByRole('textbox', { name: 'Reply…' }).fill('')
  // Still nameless: asked again.
  await commentText.fill('Warmer, please')
  await expect(nameFields).toHaveCount(1)
  await expect(name).toHaveValue('')

  await name.fill('Grace')
  await newComment.getByRole('button', { name: 'Comment' }).click()
  await expect(list.locator('.comment-thread').filter({ hasText: 'Warmer, please' }).locator('.comment__author')).toHaveText('Grace')
  // Kept as the app keeps a name: the box asks no more, and others see the cursor by it.
  await expect(list.getByRole('textbox', { name: 'Your name' })).toHaveCount(0)
  expect(await guest.evaluate(() => window.editor!.user.getName())).toBe('Grace')
  await expect.poll(() => ben.evaluate(() => window.editor!.getVisibleCollaboratorsOnCurrentPage().map((c) => c.userName))).toEqual(['Grace'])

  // Everyone reads the comments so, after a reload too: no comment is from the made-up name.
  await ben.reload()
  await ben.getByRole('button', { name: /^Comments/ }).click()
  await expect(ben.locator('.comments-menu .comment__author')).toHaveText(['Someone on the team', 'Grace'])
  await expect(ben.locator('.comments-menu')).not.toContainText(madeUp)
})
