import { defineProject } from 'vitest/config'
// Some tests start child processes and load models: on a busy 2-core machine 5 s is not enough.
export default defineProject({ test: { name: 'gpu-worker', include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000, passWithNoTests: true } })
