import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { SshWriter } from './src/core/wire/writer.ts';
import { parseKeyBlob } from './src/core/keys/blob.ts';
import { fingerprintSha256 } from './src/core/keys/fingerprint.ts';
import { decodeBase64, encodeBase64 } from './src/core/wire/base64.ts';
import { sha256 } from '@noble/hashes/sha2.js';
const ed = Array.from({ length: 1000 }, () => encodeBase64(new SshWriter().string('ssh-ed25519').bytes(ed25519.getPublicKey(ed25519.utils.randomSecretKey())).toBytes()));
const ec = Array.from({ length: 1000 }, () => encodeBase64(new SshWriter().string('ecdsa-sha2-nistp256').string('nistp256').bytes(p256.getPublicKey(p256.utils.randomSecretKey(), false)).toBytes()));
function min(f: () => void): number { let best = Infinity; for (let i = 0; i < 60; i++) { const t = performance.now(); f(); best = Math.min(best, performance.now() - t); } return best; }
for (const [name, list] of [['ed25519', ed], ['ecdsa', ec]] as const) {
  const blobs = list.map((s) => decodeBase64(s)!);
  const base = min(() => { for (const s of list) sha256(decodeBase64(s)!); });
  const parse = min(() => { for (const b of blobs) parseKeyBlob(b); });
  const fp = min(() => { for (const b of blobs) fingerprintSha256(b); });
  const all = min(() => { for (const s of list) { const b = decodeBase64(s)!; parseKeyBlob(b); fingerprintSha256(b); } });
  console.log(name, `baseline ${base.toFixed(3)} parse ${parse.toFixed(3)} fingerprint ${fp.toFixed(3)} all ${all.toFixed(3)} (µs/key) ratio ${(all / base).toFixed(2)}`);
}
