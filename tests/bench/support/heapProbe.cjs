// Preloaded (`node --require`) into a benchmarked server process, ours or the reference: on
// SIGUSR2 it runs a full garbage collection and writes `process.memoryUsage()` to
// $BENCH_HEAP_FILE. A server's live memory can then be read without an endpoint of its own, and
// without the noise of RSS (which rises and falls with the collector, not with what is held).
const { isMainThread } = require('node:worker_threads')

if (isMainThread && process.env.BENCH_HEAP_FILE) {
  const { writeFileSync, renameSync } = require('node:fs')
  const v8 = require('node:v8')
  const vm = require('node:vm')
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc')
  const file = process.env.BENCH_HEAP_FILE
  process.on('SIGUSR2', () => {
    gc()
    gc() // a second pass collects what the first one's finalizers released
    writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()))
    renameSync(`${file}.tmp`, file)
  })
}
