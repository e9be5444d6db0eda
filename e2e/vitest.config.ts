/**
 * The e2e tier: `npm run test:e2e [-- <file>]`. The built app is served once by the global
 * setup; spec files run one at a time (2-core machines: the server, Chromium and axe already
 * use both cores).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		name: 'e2e',
		include: ['e2e/**/*.e2e.ts'],
		globalSetup: ['e2e/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000,
		teardownTimeout: 30_000,
		// a failed journey is re-run from scratch nowhere: flaky tests get fixed, not retried
		retry: 0
	}
});
