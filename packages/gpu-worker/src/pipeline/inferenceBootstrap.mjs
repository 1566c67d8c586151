// Entry of the inference child process. Registers tsx so the process can load the TypeScript
// entry named in argv (the parent may itself run under tsx, vitest or plain node).
import { register } from 'tsx/esm/api'

register()
await import(process.argv[2])
