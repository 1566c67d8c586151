import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnServer, type ServerProcess } from '../../support/serverProcess'
import { freePort } from '../../support/freePort'

/** How {@link StoryloomServer.start} starts a server. */
export type StoryloomServerOptions = {
  /** Listen on a port picked once and kept across restarts (see {@link StoryloomServer.start}). */
  fixedPort?: boolean
  /** Extra environment of the server process (e.g. test-only knobs). */
  env?: Record<string, string>
}

/**
 * The real Storyloom server (the `pnpm start` entry point, serving the built canvas) in a child
 * process, on its own data directory, so a test can kill it and start it again on the same data.
 */
export class StoryloomServer {
  private running: ServerProcess | undefined

  private constructor(
    readonly dataDir: string,
    /** Kept across restarts when set, so open pages (same origin) can reconnect by themselves. */
    private readonly fixedPort: number | undefined,
    /** Extra environment of the server process (e.g. test-only knobs). */
    private readonly env: Record<string, string> = {},
  ) {}

  /**
   * Starts a server on a fresh data directory. With `fixedPort`, it listens on a port picked
   * now and reused by {@link restart}: the page's origin, and with it its service worker and
   * IndexedDB copy, stays the same. Otherwise on port 0.
   */
  static async start({ fixedPort = false, env = {} }: StoryloomServerOptions = {}): Promise<StoryloomServer> {
    const server = new StoryloomServer(
      mkdtempSync(join(tmpdir(), 'storyloom-e2e-')),
      fixedPort ? await freePort() : undefined,
      env,
    )
    await server.restart()
    return server
  }

  /** The running process's base URL, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    if (!this.running) throw new Error('the server is not running')
    return this.running.url
  }

  /**
   * Starts the server (again) on the same data directory: on the fixed port if there is one,
   * unless `anyPort` asks for a new one (an origin no open page knows).
   */
  async restart({ anyPort = false }: { anyPort?: boolean } = {}): Promise<string> {
    if (this.running) throw new Error('the server is already running')
    const port = anyPort || this.fixedPort === undefined ? 0 : this.fixedPort
    this.running = await spawnServer({ ...this.env, STORYLOOM_DATA_DIR: this.dataDir, PORT: String(port) })
    return this.running.url
  }

  /** Stops the process: SIGTERM lets it close cleanly, SIGKILL is a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const running = this.running
    this.running = undefined
    await running?.kill(signal)
  }

  /** Stops the server if it runs and deletes its data. */
  async dispose(): Promise<void> {
    await this.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

