/** Debian's Chromium as the tests and the budget script launch it (no Vitest imports here). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run'
];

export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launches Chromium headless; a missing browser is an error that says how to install it. */
export async function launchChromium(): Promise<Browser> {
	const executablePath = chromiumPath();
	if (!existsSync(executablePath)) {
		throw new Error(
			`Chromium not found at ${executablePath}. The e2e tier needs it and never skips: ` +
				'install it (`apt-get install -y chromium`) or point CHROMIUM_PATH at a Chromium binary.'
		);
	}
	return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
