/**
 * `pnpm reset-link <email>`: a password reset link for an account, made on the server's own
 * machine. For the one case the Accounts page cannot cover: the admin forgot their own password
 * (only the admin makes links there). Whoever can run commands in the data directory can read
 * the whole database anyway, so this asks nothing more. The server may be running: SQLite lets
 * this process write beside it, and the link is checked when it is opened.
 */
import { pathToFileURL } from 'node:url'
import { emailSchema, passwordResetPath, PASSWORD_RESET_HOURS } from '@storyloom/shared/api/accounts'
import { findUserByEmail, noAccountYet } from '../auth/accounts'
import { createPasswordReset } from '../auth/passwordResets'
import { configFromEnv, type ServerConfig } from '../config'
import { existingDatabaseFile } from '../dataDir'
import { openDatabase } from '../db/openDatabase'
import { exitOnStartupError, StartupError } from '../startupError'

const USAGE = 'usage: pnpm reset-link <email>   (run where the server runs, with its STORYLOOM_DATA_DIR, HOST and PORT)'

/** The address people open the server on, as far as this machine can tell. */
function serverOrigin(config: Pick<ServerConfig, 'host' | 'port'>): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host
  return `http://${host}:${config.port}`
}

/** Makes the link; returns the lines to print. Throws {@link StartupError} with a sentence for anything wrong. */
export function makeResetLink(config: Pick<ServerConfig, 'dataDir' | 'host' | 'port'>, args: readonly string[]): string[] {
  if (args.length !== 1) throw new StartupError(USAGE)
  const email = emailSchema.safeParse(args[0])
  if (!email.success) throw new StartupError(`"${args[0]}" is not an email address. ${USAGE}`)
  const db = openDatabase(existingDatabaseFile(config.dataDir))
  try {
    if (noAccountYet(db)) throw new StartupError(`the server with data in ${config.dataDir} has no accounts yet (nobody signs in in local mode; the first to sign up with accounts on is the admin)`)
    const user = findUserByEmail(db, email.data)
    if (!user) throw new StartupError(`no account has the email ${email.data} on the server with data in ${config.dataDir}`)
    const { token, expiresAt } = createPasswordReset(db, user.id)
    return [
      `Password reset link for ${user.name} <${user.email}>${user.isAdmin ? ' (the admin)' : ''}:`,
      '',
      `  ${serverOrigin(config)}${passwordResetPath(token)}`,
      '',
      `It works once, for ${PASSWORD_RESET_HOURS} hours (until ${expiresAt.toISOString()}), and replaces any earlier link of this account.`,
      'Opened, it sets a new password and signs out every browser signed in to the account.',
      'Replace the address with the one people use (a proxy or a domain name) if it differs; keep the part from /reset-password on.',
    ]
  } finally {
    db.$client.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(makeResetLink(configFromEnv(), process.argv.slice(2)).join('\n'))
  } catch (error) {
    exitOnStartupError(error)
  }
}
