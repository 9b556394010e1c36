/** The paste guard's private-key test; one definition, shared with storage (src/shared/private-text.ts). */
export { looksPrivate } from '../../shared/private-text.ts';
