/**
 * SSH commands as the Runpod console shows them: read (tokenize.ts, parse.ts, getopt.ts,
 * grammar.ts), told apart from prose by a plausible destination (destination.ts), made a typed
 * Runpod Connection from allow-listed facts (connection.ts, policy.ts), emitted with the user's key
 * for their shell from those facts only (emit.ts, rewrite.ts, quote.ts), found in page text
 * (find.ts), an equivalent ~/.ssh/config block (config.ts), and key-path checks (validate.ts).
 */
export { rewriteCommand, type CommandSettings } from './rewrite.ts';
export { looksLikeSshCommand, findSshCommands } from './find.ts';
export { validateKeyPath } from './validate.ts';
export { quoteArg, quoteKeyPath } from './quote.ts';
export { parseCommand } from './parse.ts';
export {
  parseConnection,
  type Connection,
  type ConnectionKind,
  type ConnectionResult,
  type ConnOption,
  type Forward,
  type Operand,
  type RsyncArg,
} from './connection.ts';
