import { describe, expect, it } from 'vitest';
import { loadReferenceTaxonomy } from '../taxonomy/reference.ts';
import { parseHsdsService } from './hsds-service.input.ts';
import { checkServiceReferences, deriveFreeOfCharge, type ImportContext } from './upsert-service.ts';

describe('deriveFreeOfCharge', () => {
	it.each([
		[[{ amount: 0 }, { amount: 30 }], null, true],
		[[], 'Gratuito', true],
		[[], 'Servizio gratuita per le famiglie', true],
		[[{ amount: 10 }], 'Visite GRATUITE il primo mese', true],
		[[], 'Free for residents', true],
		[[{ amount: 10 }], 'Tessera annuale 10 euro', false],
		[[{ amount: null }], 'Offerta libera', null],
		[[], null, null],
		[[], 'Ingratuitamente', null]
	] as const)('%j, %j -> %s', (options, fees, expected) => {
		expect(deriveFreeOfCharge(options, fees)).toBe(expected);
	});
});

describe('checkServiceReferences', () => {
	const terms = loadReferenceTaxonomy().terms;
	const context: ImportContext = {
		referenceTerms: new Map(
			terms.map((t) => [`${t.taxonomy}:${t.code}`, { id: t.id, code: t.code, taxonomy: t.taxonomy, kind: t.kind, parentId: null }])
		),
		referenceTermIds: new Set(terms.map((t) => t.id))
	};
	const service = (attributes: unknown[]) => {
		const parsed = parseHsdsService({
			id: '2cef9007-e1a5-5c8a-b87b-a1f2257773cb',
			name: 'Servizio',
			status: 'active',
			organization_id: 'a98656d3-a069-5344-9879-f07daa62e26f',
			attributes
		});
		if (!parsed.ok) throw new Error(parsed.reasons.join('; '));
		return parsed.value;
	};

	it('accepts reference codes and complete external terms', () => {
		const input = service([
			{ taxonomy_term: { code: 'badanti', name: 'x', taxonomy: 'aree-di-bisogno' } },
			{ taxonomy_term: { code: 'anziani', taxonomy: 'destinatari' } },
			{ taxonomy_term: { name: 'Food bank', taxonomy: 'open-eligibility' } },
			{ taxonomy_term: { name: 'Counselling', taxonomy_detail: { name: 'openreferral' } } }
		]);
		expect(checkServiceReferences(input, context)).toEqual([]);
	});

	it('rejects missing codes of the reference taxonomies, and incomplete external or unknown terms', () => {
		const input = service([
			{ taxonomy_term: { code: 'oroscopo', taxonomy: 'aree-di-bisogno' } },
			{ taxonomy_term: { name: 'Anziani', taxonomy: 'destinatari' } },
			{ taxonomy_term: { name: 'Senza tassonomia' } },
			{ taxonomy_term: { taxonomy: 'open-eligibility' } }
		]);
		expect(checkServiceReferences(input, context)).toEqual([
			// an unknown code is kept as an external term, which needs a name
			{ path: 'attributes[0].taxonomy_term.name', message: 'campo obbligatorio mancante' },
			{ path: 'attributes[1].taxonomy_term.code', message: 'obbligatorio per i termini della tassonomia "destinatari"' },
			{ path: 'attributes[2].taxonomy_term.taxonomy', message: 'indicare a quale tassonomia appartiene il termine' },
			{ path: 'attributes[3].taxonomy_term.name', message: 'campo obbligatorio mancante' }
		]);
	});
});
