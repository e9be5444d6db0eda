import { describe, expect, it } from 'vitest';
import { summarize } from './summary.ts';

describe('summarize', () => {
	it('keeps a short text as it is, with whitespace collapsed', () => {
		expect(summarize('  Sportello   per le famiglie.\n')).toBe('Sportello per le famiglie.');
	});

	it('keeps whole sentences when they fit', () => {
		const text = 'Prima frase abbastanza lunga da contare. Seconda frase anche lei lunga. Terza frase che non ci sta più.';
		expect(summarize(text, 80)).toBe('Prima frase abbastanza lunga da contare. Seconda frase anche lei lunga.');
	});

	it('cuts at a word boundary with an ellipsis when a sentence is too long', () => {
		const text = 'Un servizio che accompagna le famiglie con bambini piccoli nella scelta del nido e della scuola dell’infanzia in città';
		const summary = summarize(text, 60);
		expect(summary.length).toBeLessThanOrEqual(60);
		expect(summary.endsWith('…')).toBe(true);
		expect(text.startsWith(summary.slice(0, -1))).toBe(true);
		expect(summary).not.toMatch(/\s…$/);
	});

	it('returns an empty string for no text', () => {
		expect(summarize(null)).toBe('');
	});
});
