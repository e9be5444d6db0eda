import { createHash } from 'node:crypto';

/** Namespace of every id Piazza derives itself (UUID v5), so a re-run yields the same ids. */
export const PIAZZA_NAMESPACE = '6f1c7a3e-2b1d-4c55-9a57-3f2a1d8e9b10';

/** RFC 4122 version-5 UUID of `name` in `namespace`: stable ids for reference and seed records. */
export function uuidV5(name: string, namespace: string = PIAZZA_NAMESPACE): string {
	const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
	const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
	hash[6] = (hash[6]! & 0x0f) | 0x50;
	hash[8] = (hash[8]! & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
