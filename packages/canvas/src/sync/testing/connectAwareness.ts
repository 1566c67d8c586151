import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness'

/** Two awareness instances that exchange every update, as through the sync server. */
export function connectAwareness(a: Awareness, b: Awareness): void {
  const forward = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === 'remote') return
      const clients = [...added!, ...updated!, ...removed!]
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, clients), 'remote')
    })
  forward(a, b)
  forward(b, a)
}
