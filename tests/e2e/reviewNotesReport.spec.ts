import { writeFile } from 'node:fs/promises'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl, expectCanvasReady } from './support/boardPage'
import { expect, test } from './support/fixtures'
import { longBoardShots } from './support/longBoard'
import { pdfElements, pdfPages, pdfPageTexts } from './support/pdfLayout'

/** The client's review notes, printed from the board: what a producer sends the client after a round. */

async function send(method: 'POST' | 'PATCH', url: string, body: object): Promise<{ id: string }> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(res.ok, await res.clone().text()).toBe(true)
  return (await res.json()) as { id: string }
}

const HOSTILE = '<img src=x onerror="window.hacked=1"><b>Less</b> steam, please'
const LONG = 'The logo must read at a glance on a phone: bigger, higher, and clear of the bottle. '.repeat(8).trim()

test('the review notes list each shot in board order with its verdict and the client’s threads, and print a shot to a page', async ({ newPerson, server }) => {
  test.setTimeout(180_000) // a canvas load, the report loaded twice and a PDF, on a busy machine
  const { boardId, client, scene, shots } = await longBoardShots(server.url, 'Perfume spot', 8)
  shots[1] = { ...shots[1]!, props: { ...shots[1]!.props, title: 'עוגה on the table' } }
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots] as never))
  client.destroy()
  const ids = shots.map((shot) => shot.id)
  const board = `${server.url}/api/boards/${boardId}`
  const { path } = (await send('POST', `${board}/share-links`, { label: 'Client round 2' })) as unknown as { path: string }
  const review = `${server.url}/api${path}`

  // The client's round, through the review link: comments, verdicts; the team answers and resolves one.
  const liked = await send('POST', `${review}/comments`, { anchor: { kind: 'shot', shotId: ids[0] }, body: 'Lovely light', authorName: 'Kim' })
  await send('PATCH', `${board}/comments/${liked.id}`, { resolved: true, authorName: 'Ada' })
  await send('POST', `${review}/verdicts`, { shotId: ids[0], verdict: 'approved', reviewerName: 'Lee' })
  const steam = await send('POST', `${review}/comments`, { anchor: { kind: 'shot', shotId: ids[1] }, body: HOSTILE, authorName: 'Kim' })
  await send('POST', `${board}/comments/${steam.id}/replies`, { body: 'Will do', authorName: 'Ada' })
  await send('POST', `${review}/verdicts`, { shotId: ids[1], verdict: 'changes-requested', reviewerName: 'Kim' })
  for (const shotId of ids.slice(2, 7)) await send('POST', `${review}/comments`, { anchor: { kind: 'shot', shotId }, body: LONG, authorName: 'Kim' })
  // The team's own thread is an internal note: never in what goes to the client.
  await send('POST', `${board}/comments`, { anchor: { kind: 'shot', shotId: ids[2] }, body: 'Internal: the budget is tight', authorName: 'Ada' })

  const team = await newPerson({ locale: 'de-DE', viewport: { width: 1280, height: 900 } })
  await team.goto(boardUrl(server.url, boardId))
  await expectCanvasReady(team)
  await team.getByTestId('main-menu.button').click()
  await team.getByRole('menuitem', { name: 'Print review notes…' }).click()
  await expect(team).toHaveURL(`${server.url}/b/${boardId}/review-notes`)

  const sheet = team.getByTestId('notes-sheet')
  const shot = (i: number) => sheet.locator(`[data-shot-id="${ids[i]}"]`)
  await expect(sheet.locator('.notes-shot__heading')).toHaveText(['Shot 1.1 Shot 1', 'Shot 1.2 עוגה on the table', ...[3, 4, 5, 6, 7, 8].map((n) => `Shot 1.${n} Shot ${n}`)], { timeout: 45_000 })
  await expect(shot(1).locator('.notes-shot__heading bdi')).toHaveText('עוגה on the table')
  await expect(sheet.locator('.print-sheet__title bdi')).toHaveText('Perfume spot')
  await expect(sheet.getByTestId('notes-summary')).toHaveText('Review link: Client round 2 · 8 shots · 1 approved · 1 changes requested · 6 open notes')
  await expect(sheet.getByTestId('notes-summary').locator('bdi')).toHaveText('Client round 2')
  // Dates as the reader's locale writes them (German here).
  await expect(sheet.locator('.print-sheet__meta')).toHaveText(/^Review notes · printed \d{1,2}\. \p{L}+ \d{4}$/u)

  // Shot 1.1: approved by Lee, when; its one thread resolved by Ada.
  await expect(shot(0).getByTestId('notes-verdict')).toHaveText(/^Approved by Lee · \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/)
  await expect(shot(0).getByTestId('notes-verdict').locator('bdi')).toHaveText('Lee')
  await expect(shot(0).getByTestId('notes-thread')).toHaveAttribute('data-resolved', 'true')
  await expect(shot(0).locator('.notes-thread__state')).toHaveText(/^✓ Resolved by Ada · /)
  // Shot 1.2: the client's markup is text; the team's reply follows it in the open thread.
  await expect(shot(1).getByTestId('notes-verdict')).toHaveText(/^Changes requested by Kim · /)
  const comments = shot(1).getByTestId('notes-comment')
  await expect(comments.locator('.notes-comment__body')).toHaveText([HOSTILE, 'Will do'])
  await expect(comments.locator('.notes-comment__author')).toHaveText(['Kim', 'Ada'])
  await expect(comments.locator('.notes-comment__role')).toHaveText(['Client', 'Team'])
  await expect(comments.first().locator('time')).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/)
  await expect(shot(1).locator('.notes-thread__state')).toHaveText('Open')
  await expect(sheet.locator('img, b')).toHaveCount(0)
  expect(await team.evaluate(() => (window as { hacked?: unknown }).hacked)).toBeUndefined()
  // Shot 1.3 has the client's note only; 1.8 has none.
  await expect(shot(2).getByTestId('notes-thread')).toHaveCount(1)
  await expect(sheet).not.toContainText('Internal')
  await expect(shot(7)).toHaveText(/No notes$/)
  await team.screenshot({ path: test.info().outputPath('review-notes.png') })

  // Only shots with open notes: 1.1 (resolved) and 1.8 (none) go, kept in the address.
  await team.getByRole('checkbox', { name: 'Only shots with open notes' }).check()
  await expect(team).toHaveURL(`${server.url}/b/${boardId}/review-notes?open=1`)
  await expect(sheet.locator('.notes-shot__heading .print-panel__number')).toHaveText(['Shot 1.2', 'Shot 1.3', 'Shot 1.4', 'Shot 1.5', 'Shot 1.6', 'Shot 1.7'])
  await team.reload()
  await expect(sheet.locator('.notes-shot')).toHaveCount(6, { timeout: 45_000 }) // the board opens again

  // Printed: the pages only, no shot split across two pages, every page footed with the board's name.
  await team.emulateMedia({ media: 'print' })
  await expect(team.getByRole('toolbar', { name: 'Print options' })).toBeHidden()
  await expect(sheet.locator('.notes-shot').first()).toHaveCSS('break-inside', 'avoid')
  await team.screenshot({ path: test.info().outputPath('review-notes-print.png'), fullPage: true })
  const pdf = await team.pdf({ format: 'A4', preferCSSPageSize: true, tagged: true })
  await writeFile(test.info().outputPath('review-notes.pdf'), pdf)
  const pages = pdfPages(pdf)
  expect(pages.length).toBeGreaterThan(1)
  expect(pages[0]!.height).toBeGreaterThan(pages[0]!.width) // portrait
  const articles = pdfElements(pdf).filter((e) => e.role === 'Art')
  expect(articles).toHaveLength(6)
  for (const article of articles) expect(article.pages).toHaveLength(1)
  for (const [i, runs] of pdfPageTexts(pdf).entries()) {
    const text = runs.join('').normalize('NFKC').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ')
    expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`)
    expect(text, `page ${i + 1}`).toContain('Perfume spot · Review notes · ')
  }
})
