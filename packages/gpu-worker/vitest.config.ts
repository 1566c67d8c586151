import { defineProject } from 'vitest/config'
export default defineProject({ test: { name: 'gpu-worker', include: ['src/**/*.test.ts'], passWithNoTests: true } })
