import { describe, expect, it } from 'vitest';
import { collectClassCandidates, parseCss, requiredClasses, splitSelectors, subsetCss } from './css-subset.ts';

const css =
	'/*! banner */:root{--x:1}body{margin:0}.btn{a:1}.btn.btn-primary{b:2}.carousel{c:3}' +
	'.a:not(.disabled),.zzz{d:4}@media (min-width:576px){.col-sm-6{e:5}.unused{f:6}}' +
	'@media print{.unused{g:7}}@font-face{font-family:X;src:url("data:font/woff;base64,{}")}' +
	'.icon-sm{h:8}[class*=col-]{i:9}.q::after{content:"}{"}';

describe('subsetCss', () => {
	const used = new Set(['btn', 'btn-primary', 'a', 'col-sm-6', 'q']);

	it('keeps element rules and rules whose classes are all used', () => {
		const out = subsetCss(css, { used, dropFontFaces: true });
		expect(out).toContain(':root{--x:1}');
		expect(out).toContain('body{margin:0}');
		expect(out).toContain('.btn{a:1}');
		expect(out).toContain('.btn.btn-primary{b:2}');
		expect(out).not.toContain('carousel');
		expect(out).toContain('[class*=col-]{i:9}');
	});

	it('trims selector lists and ignores classes under :not()', () => {
		const out = subsetCss(css, { used });
		expect(out).toContain('.a:not(.disabled){d:4}');
		expect(out).not.toContain('.zzz');
	});

	it('keeps a media query only with surviving rules, and survives braces in strings', () => {
		const out = subsetCss(css, { used, dropFontFaces: true });
		expect(out).toContain('@media (min-width:576px){.col-sm-6{e:5}}');
		expect(out).not.toContain('@media print');
		expect(out).not.toContain('@font-face');
		expect(out).toContain('.q::after{content:"}{"}');
		expect(out).not.toContain('banner');
	});

	it('keeps families of run-time classes by prefix', () => {
		expect(subsetCss(css, { used, keepPrefixes: ['icon-'] })).toContain('.icon-sm{h:8}');
		expect(subsetCss(css, { used })).not.toContain('.icon-sm');
	});
});

describe('helpers', () => {
	it('parses nested at-rules', () => {
		const nodes = parseCss('@supports (display:grid){@media screen{.x{a:1}}}.y{b:2}');
		expect(nodes.map((n) => n.kind)).toEqual(['group', 'rule']);
	});

	it('splits selectors at top-level commas only', () => {
		expect(splitSelectors('.a, .b:is(.c,.d) ,h1')).toEqual(['.a', '.b:is(.c,.d)', 'h1']);
	});

	it('lists required classes', () => {
		expect(requiredClasses('.card .card-body>h5.card-title:not(.x):hover')).toEqual(['card', 'card-body', 'card-title']);
		expect(requiredClasses('a[href^=".pdf"]')).toEqual([]);
	});

	it('collects candidate class names from sources', () => {
		const used = collectClassCandidates(['<div class="d-flex gap-3">', "const c = ok ? 'bg-success' : 'bg-secondary';"]);
		expect([...used]).toEqual(expect.arrayContaining(['d-flex', 'gap-3', 'bg-success', 'bg-secondary']));
	});
});
