// Entry of the inference worker thread. A worker thread does not inherit the parent's
// TypeScript loader, so register tsx here, then load the thread's TypeScript entry.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
