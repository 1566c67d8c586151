import { describe, expect, it } from 'vitest'
import type { GenerationEvent } from '@storyloom/shared/generation/events'
import { emptyBoardGenerations, needsList, reduceBoardGenerations, type BoardGenerationsAction, type BoardGenerationsState } from './boardGenerationsState'
import { shotActivities, shotGenerationActivity } from './shotGenerationActivity'
import { generationView as view } from './testing/generationView'

const base = { boardId: 'b', shotId: 'shape:s', at: 10 }
const model = { id: 'storyloom-tiny', name: 'Storyloom tiny', builtIn: true }
const result = (i: number) => ({ variationIndex: i, seed: 1 + i, versionId: `v${i}`, image: { assetId: 'a', url: `/img${i}`, width: 64, height: 64 } })
const preview = (generationId: string, step: number, image = `data:image/webp;base64,${step}`): GenerationEvent => ({
  type: 'preview',
  ...base,
  generationId,
  variationIndex: 0,
  step,
  totalSteps: 4,
  image,
  width: 64,
  height: 64,
})

function run(...actions: BoardGenerationsAction[]): BoardGenerationsState {
  return actions.reduce(reduceBoardGenerations, emptyBoardGenerations)
}

describe('reduceBoardGenerations', () => {
  it('follows a generation from queued through previews to its takes, dropping the preview at the end', () => {
    const running = run(
      { type: 'queued', ...base, generationId: 'g1', generation: view('g1') },
      { type: 'started', ...base, generationId: 'g1', attempt: 1, model },
      { type: 'progress', ...base, generationId: 'g1', progress: 0.5, variationIndex: 0, step: 2, totalSteps: 4 },
      preview('g1', 2),
    )
    expect(running.generations.g1).toMatchObject({ status: 'running', progress: 0.5, model, position: null })
    expect(running.previews.g1).toMatchObject({ step: 2, image: 'data:image/webp;base64,2' })
    const done = reduceBoardGenerations(running, { type: 'succeeded', ...base, generationId: 'g1', model, results: [result(0)] })
    expect(done.generations.g1).toMatchObject({ status: 'succeeded', progress: 1, results: [result(0)] })
    expect(done.previews).toEqual({})
  })

  it('keeps the latest preview when an older step arrives late, and ignores events after the end', () => {
    const state = run(
      { type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] },
      preview('g1', 3),
      preview('g1', 2),
    )
    expect(state.previews.g1?.step).toBe(3)
    const canceled = run({ type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] }, { type: 'canceled', ...base, generationId: 'g1' })
    expect(reduceBoardGenerations(canceled, preview('g1', 4))).toBe(canceled)
    expect(canceled.generations.g1?.canceledReason).toBeUndefined()
    const dropped = run({ type: 'list', generations: [view('g1')] }, { type: 'canceled', ...base, generationId: 'g1', reason: 'the shot was deleted' })
    expect(dropped.generations.g1).toMatchObject({ status: 'canceled', canceledReason: 'the shot was deleted' })
    expect(reduceBoardGenerations(canceled, { type: 'progress', ...base, generationId: 'g1', progress: 0.9, variationIndex: 0, step: 4, totalSteps: 4 })).toBe(canceled)
  })

  it('marks a running generation whose worker was lost until it moves again, on this shot only', () => {
    const running = run(
      { type: 'list', generations: [view('g1', { status: 'running', attempts: 1 }), view('g2', { shotId: 'shape:other', status: 'running', attempts: 1 })] },
      preview('g1', 3),
    )
    const lost = reduceBoardGenerations(running, { type: 'worker_lost', ...base, generationId: 'g1', at: 42 })
    expect(shotGenerationActivity(lost, 'shape:s').workerLostAt).toBe(42)
    expect(shotGenerationActivity(lost, 'shape:other').workerLostAt).toBeNull()
    // The frozen preview stays; a list reload while it waits keeps the mark.
    expect(lost.previews.g1?.step).toBe(3)
    const reloaded = reduceBoardGenerations(lost, { type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] })
    expect(reloaded.workerLost).toEqual({ g1: 42 })
    // Another worker takes it: the mark goes.
    const resumed = reduceBoardGenerations(reloaded, { type: 'started', ...base, generationId: 'g1', attempt: 2, model })
    expect(shotGenerationActivity(resumed, 'shape:s').workerLostAt).toBeNull()
    // So does any progress, and the end of the generation.
    expect(reduceBoardGenerations(lost, { type: 'progress', ...base, generationId: 'g1', progress: 0.8, variationIndex: 0, step: 4, totalSteps: 4 }).workerLost).toEqual({})
    expect(reduceBoardGenerations(lost, { type: 'failed', ...base, generationId: 'g1', error: { code: 'generation_failed', message: 'stalled' } }).workerLost).toEqual({})
  })

  it('marks a running generation whose worker is restarting its inference process until the run resumes or fails', () => {
    const running = run({ type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] }, preview('g1', 3))
    const restarting = reduceBoardGenerations(running, { type: 'worker_lost', ...base, generationId: 'g1', at: 42, restarting: true })
    expect(shotGenerationActivity(restarting, 'shape:s')).toMatchObject({ restartingAt: 42, workerLostAt: null })
    expect(reduceBoardGenerations(restarting, { type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] }).restarting).toEqual({ g1: 42 })
    expect(shotGenerationActivity(reduceBoardGenerations(restarting, { type: 'started', ...base, generationId: 'g1', attempt: 2, model }), 'shape:s').restartingAt).toBeNull()
    const failed = reduceBoardGenerations(restarting, { type: 'failed', ...base, generationId: 'g1', error: { code: 'worker_stopped', message: 'The generation worker stopped' } })
    expect(failed.restarting).toEqual({})
  })

  it('shows the lost worker a list answer reports (a client that came while it waits), and clears it the same way', () => {
    const loaded = run({ type: 'list', generations: [view('g1', { status: 'running', attempts: 1, workerLostAt: 42 }), view('g2', { status: 'running', attempts: 1 })] })
    expect(loaded.workerLost).toEqual({ g1: 42 })
    expect(shotGenerationActivity(loaded, 'shape:s').workerLostAt).toBe(42)
    // The event the channel sends later, for the same loss, changes nothing.
    expect(reduceBoardGenerations(loaded, { type: 'worker_lost', ...base, generationId: 'g1', at: 43 })).toBe(loaded)
    expect(reduceBoardGenerations(loaded, { type: 'started', ...base, generationId: 'g1', attempt: 2, model }).workerLost).toEqual({})
    // A list that says so of a generation no longer running here (an event finished it first) adds nothing.
    const done = reduceBoardGenerations(loaded, { type: 'canceled', ...base, generationId: 'g1' })
    expect(reduceBoardGenerations(done, { type: 'list', generations: [view('g1', { status: 'running', attempts: 1, workerLostAt: 42 })] }).workerLost).toEqual({})
  })

  it('ignores a lost worker for a generation that is not running here', () => {
    const queued = run({ type: 'list', generations: [view('g1')] })
    expect(reduceBoardGenerations(queued, { type: 'worker_lost', ...base, generationId: 'g1', at: 5 })).toBe(queued)
    const done = run({ type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] }, { type: 'succeeded', ...base, generationId: 'g1', model, results: [result(0)] })
    expect(reduceBoardGenerations(done, { type: 'worker_lost', ...base, generationId: 'g1', at: 5 })).toBe(done)
  })

  it('starts previews over when a crashed job is retried', () => {
    const state = run(
      { type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] },
      preview('g1', 3),
      { type: 'started', ...base, generationId: 'g1', attempt: 2, model },
      preview('g1', 1),
    )
    expect(state.generations.g1).toMatchObject({ attempts: 2, progress: 0 })
    expect(state.previews.g1?.step).toBe(1)
  })

  it('does not let an older list answer undo a result that arrived as an event', () => {
    const done = run(
      { type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] },
      { type: 'succeeded', ...base, generationId: 'g1', model, results: [result(0)] },
      { type: 'list', generations: [view('g1', { status: 'running', attempts: 1 })] },
    )
    expect(done.generations.g1?.status).toBe('succeeded')
  })

  it('asks for the list when an event names a generation it does not know', () => {
    expect(needsList(emptyBoardGenerations, { type: 'started', ...base, generationId: 'g9', attempt: 1, model })).toBe(true)
    expect(needsList(emptyBoardGenerations, { type: 'queued', ...base, generationId: 'g9', generation: view('g9') })).toBe(false)
  })
})

describe('shotGenerationActivity', () => {
  it('shows the running generation first, counts what waits, and offers the last batch of takes', () => {
    const state = run({
      type: 'list',
      generations: [
        view('old', { status: 'succeeded', results: [result(0), result(1)], createdAt: 1 }),
        view('waiting', { createdAt: 3 }),
        view('now', { status: 'running', attempts: 1, createdAt: 2 }),
        view('other-shot', { shotId: 'shape:t', status: 'running', createdAt: 2 }),
      ],
    })
    const activity = shotGenerationActivity(reduceBoardGenerations(state, preview('now', 1)), 'shape:s')
    expect(activity.active?.id).toBe('now')
    expect(activity.pending).toBe(2)
    expect(activity.preview?.generationId).toBe('now')
    expect(activity.choices?.id).toBe('old')
  })

  it('offers the takes a later run kept when it was canceled part way, and keeps the older ones when a canceled run kept none', () => {
    const older = view('older', { status: 'succeeded', results: [result(0), result(1), result(2)], createdAt: 1 })
    const stopped = view('stopped', { status: 'canceled', results: [result(0), result(1)], createdAt: 2, finishedAt: 4 })
    expect(shotGenerationActivity(run({ type: 'list', generations: [older, stopped] }), 'shape:s').choices?.id).toBe('stopped')
    const unstarted = view('unstarted', { status: 'canceled', createdAt: 3, finishedAt: 5 })
    expect(shotGenerationActivity(run({ type: 'list', generations: [older, stopped, unstarted] }), 'shape:s').choices?.id).toBe('stopped')
    // One kept take is the shot's image: the older run's takes are no longer the choice.
    const one = view('one', { status: 'canceled', results: [result(0)], createdAt: 6, finishedAt: 7 })
    expect(shotGenerationActivity(run({ type: 'list', generations: [older, stopped, one] }), 'shape:s').choices).toBeNull()
  })

  it('says the last generation failed until another one starts', () => {
    const failed = view('bad', { status: 'failed', error: { code: 'model_error', message: 'out of memory' }, createdAt: 2, finishedAt: 5 })
    const state = run({ type: 'list', generations: [view('ok', { status: 'succeeded', createdAt: 1, finishedAt: 3 }), failed] })
    expect(shotGenerationActivity(state, 'shape:s').failed?.id).toBe('bad')
    const retried = reduceBoardGenerations(state, { type: 'queued', ...base, generationId: 'again', generation: view('again', { createdAt: 6 }) })
    expect(shotGenerationActivity(retried, 'shape:s').failed).toBeNull()
  })

  it('keeps the same activity object for shots an event is not about', () => {
    const state = run({
      type: 'list',
      generations: [view('here', { status: 'running', attempts: 1 }), view('there', { shotId: 'shape:t', status: 'running', attempts: 1 })],
    })
    const before = shotActivities(state)
    const after = shotActivities(reduceBoardGenerations(state, preview('here', 1)), before)
    expect(after.get('shape:t')).toBe(before.get('shape:t'))
    expect(after.get('shape:s')).not.toBe(before.get('shape:s'))
    expect(after.get('shape:s')?.preview?.step).toBe(1)
  })

  it('shows a preview of a generation it has not listed yet (joined mid-run)', () => {
    const activity = shotGenerationActivity(run(preview('g7', 2)), 'shape:s')
    expect(activity.active).toBeNull()
    expect(activity.preview?.generationId).toBe('g7')
  })
})
