import { describe, expect, it } from 'vitest';
import { describeProvenance } from './provenance.ts';

describe('describeProvenance', () => {
	it('credits the City of Milan open data with its licence', () => {
		expect(describeProvenance('comune-milano-ds629', false)).toEqual({
			text: 'Fonte: open data del Comune di Milano (dataset ds629), licenza CC BY 4.0.',
			url: 'https://dati.comune.milano.it'
		});
	});

	it('names other open-data publishers', () => {
		expect(describeProvenance('regione-lombardia-rsa', false)?.text).toBe('Fonte: open data della Regione Lombardia.');
		expect(describeProvenance('ministero-salute-farmacie-2018', false)).toEqual({
			text: 'Fonte: open data del Ministero della Salute.',
			url: 'https://www.dati.salute.gov.it'
		});
		expect(describeProvenance('miur-anagrafe-scuole-2016-17', false, 'en')?.text).toBe(
			'Source: open data from Ministero dell’Istruzione e del Merito.'
		);
	});

	it('says when the editorial team curated the record', () => {
		expect(describeProvenance('curated', false)?.text).toBe('Scheda curata dalla redazione di Piazza.');
		expect(describeProvenance('comune-milano-ds629', true)?.text).toBe('Scheda curata dalla redazione di Piazza.');
	});

	it('shows an unknown source as it is, and nothing without one', () => {
		expect(describeProvenance('import-2026-03', false)?.text).toBe('Fonte dei dati: import-2026-03.');
		expect(describeProvenance(null, false)).toBeNull();
	});
});
