import { defineProject } from 'vitest/config'
// Property tests run hundreds of cases: on a busy 2-core machine 5 s is not enough.
export default defineProject({ test: { name: 'canvas', include: ['src/**/*.test.ts'], testTimeout: 30_000, passWithNoTests: true } })
