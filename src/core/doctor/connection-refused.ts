/**
 * `connection-refused`: sshconnect.c ssh_connect_direct `ssh: connect to host %s port %s: %s`
 * with strerror ECONNREFUSED; PuTTY `Network error: Connection refused`. On Runpod: the pod is
 * stopped or restarting, or its port changed after a restart (shared/RUNPOD.md).
 */
import { cause } from './text.ts';
import type { Diagnostic } from './types.ts';

export const connectionRefused: Diagnostic = ({ facts }) => {
  if (!facts.lines.some((l) => /Connection refused/.test(l))) return [];
  return [cause('connection-refused', 'doctorConnectionRefused', [facts.dest.host ?? '?', String(facts.dest.port ?? 22)])];
};
