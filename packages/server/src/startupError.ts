/**
 * A setting or the machine keeps the server from starting (a bad environment variable, a data
 * directory it cannot write, a Redis that does not answer). The message names the setting and
 * what to change; the entry point prints it as one line, without a stack.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError'
}

/**
 * Ends a process that could not start: a {@link StartupError} as one line on stderr with exit
 * code 2 (what process managers read as "bad configuration"), anything else as it is, code 1.
 */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof StartupError) {
    console.error(`storyloom: ${error.message}`)
    process.exit(2)
  }
  console.error(error)
  process.exit(1)
}

/** Runs a synchronous start step (reading the config); its failure ends the process as {@link exitOnStartupError} says. */
export function exitOnStartupErrorOf<T>(step: () => T): T {
  try {
    return step()
  } catch (error) {
    return exitOnStartupError(error)
  }
}
