import { describe, expect, it } from 'vitest';
import { readDatabaseConfig } from './config.ts';

describe('readDatabaseConfig', () => {
	it('uses PostgreSQL when DATABASE_URL is set, PGlite otherwise', () => {
		expect(readDatabaseConfig({ DATABASE_URL: 'postgres://a@b/c' })).toEqual({ kind: 'postgres', url: 'postgres://a@b/c' });
		expect(readDatabaseConfig({ PGLITE_DIR: 'memory://' })).toEqual({
			kind: 'pglite',
			dataDir: undefined,
			sharedBuffers: undefined
		});
	});

	it('passes PGlite a shared_buffers size, and refuses one PostgreSQL would not read', () => {
		expect(readDatabaseConfig({ PGLITE_SHARED_BUFFERS: ' 1GB ' })).toMatchObject({ sharedBuffers: '1GB' });
		expect(() => readDatabaseConfig({ PGLITE_SHARED_BUFFERS: 'lots' })).toThrow(/PGLITE_SHARED_BUFFERS/);
		expect(() => readDatabaseConfig({ PGLITE_SHARED_BUFFERS: '1 GB' })).toThrow(/PGLITE_SHARED_BUFFERS/);
	});
});
