/**
 * The Connect assistant: every command for one pod (commands.ts), its Host block (host-block.ts),
 * and all seen pods in one ~/.ssh/config (pods.ts).
 */
export {
  connectionCommands,
  sshConfigBlock,
  defaultAlias,
  PROXY_NOTE,
  type ConnectionCommands,
  type ConnectSettings,
  type Direction,
  type Transfer,
} from './commands.ts';
export { hostBlock, hostKeyAlias, type BlockFacts } from './host-block.ts';
export {
  aliasFromName,
  cleanRecords,
  forgetPod,
  markExported,
  podEntries,
  podsConfig,
  recordKey,
  recordSeen,
  type PodEntry,
  type PodRecord,
  type SeenAddress,
} from './pods.ts';
