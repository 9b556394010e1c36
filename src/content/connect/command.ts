// The one import site of the command core for the Connect feature (and its e2e test's oracle).
export { findSshCommands, looksLikeSshCommand, parseConnection, rewriteCommand } from '../../core/command/index.ts';
export { sshConfigBlock } from '../../core/connect/commands.ts';
