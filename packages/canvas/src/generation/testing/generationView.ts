import type { GenerationView } from '@storyloom/shared/generation/api'

/** A queued generation of shot `shape:s` on board `b`, as the API returns it, with `overrides`. */
export function generationView(id: string, overrides: Partial<GenerationView> = {}): GenerationView {
  return {
    id,
    boardId: 'b',
    shotId: 'shape:s',
    status: 'queued',
    position: 1,
    requestedBy: { id: 'u1', name: 'Ana' },
    params: { prompt: 'p', negativePrompt: '', seed: 1, steps: 4, guidance: 0, width: 64, height: 64, variations: 1, references: [], motion: [] },
    progress: 0,
    attempts: 0,
    model: null,
    results: [],
    error: null,
    createdAt: 1,
    startedAt: null,
    finishedAt: null,
    statusUrl: `/api/boards/b/generations/${id}`,
    cancelUrl: `/api/boards/b/generations/${id}/cancel`,
    ...overrides,
  }
}
