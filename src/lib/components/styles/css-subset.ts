/**
 * Keeps only the rules of a stylesheet that can match the class names a project uses: how
 * Piazza ships Bootstrap Italia's look without its 600 KB stylesheet (see scripts/build-css.ts).
 * A small parser for minified CSS: it respects strings, comments and nested at-rules.
 */

type Node =
	| { kind: 'rule'; selector: string; body: string }
	| { kind: 'group'; prelude: string; children: Node[] }
	| { kind: 'block'; prelude: string; body: string }
	| { kind: 'statement'; text: string };

/** At-rules whose body holds rules (kept when some inner rule is kept). */
const GROUPING = /^@(media|supports|layer|container|document)\b/i;

/** Index just past the string or comment starting at `i`, or `i` when there is none. */
function skipQuoted(css: string, i: number): number {
	const c = css[i];
	if (c === '"' || c === "'") {
		let j = i + 1;
		while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
		return j + 1;
	}
	if (c === '/' && css[i + 1] === '*') {
		const end = css.indexOf('*/', i + 2);
		return end === -1 ? css.length : end + 2;
	}
	return i;
}

/** Index of the `}` closing the block opened just before `start`. */
function matchBrace(css: string, start: number): number {
	let depth = 1;
	let i = start;
	while (i < css.length) {
		const skipped = skipQuoted(css, i);
		if (skipped !== i) {
			i = skipped;
			continue;
		}
		if (css[i] === '{') depth++;
		else if (css[i] === '}' && --depth === 0) return i;
		i++;
	}
	return css.length;
}

export function parseCss(css: string): Node[] {
	const nodes: Node[] = [];
	let i = 0;
	let start = 0;
	while (i < css.length) {
		const skipped = skipQuoted(css, i);
		if (skipped !== i) {
			// Comments between rules are dropped; quotes inside a prelude stay part of it.
			if (css[i] === '/' && css.slice(start, i).trim() === '') start = skipped;
			i = skipped;
			continue;
		}
		const c = css[i];
		if (c === ';') {
			const text = css.slice(start, i).trim();
			if (text) nodes.push({ kind: 'statement', text: `${text};` });
			start = ++i;
		} else if (c === '{') {
			const prelude = css.slice(start, i).trim();
			const end = matchBrace(css, i + 1);
			const body = css.slice(i + 1, end);
			if (GROUPING.test(prelude)) nodes.push({ kind: 'group', prelude, children: parseCss(body) });
			else if (prelude.startsWith('@')) nodes.push({ kind: 'block', prelude, body });
			else nodes.push({ kind: 'rule', selector: prelude, body });
			start = i = end + 1;
		} else if (c === '}') {
			start = ++i;
		} else {
			i++;
		}
	}
	return nodes;
}

/** Splits "a, b:not(.c, .d)" at its top-level commas. */
export function splitSelectors(selector: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < selector.length; i++) {
		const c = selector[i];
		if (c === '(' || c === '[') depth++;
		else if (c === ')' || c === ']') depth--;
		else if (c === ',' && depth === 0) {
			parts.push(selector.slice(start, i).trim());
			start = i + 1;
		}
	}
	parts.push(selector.slice(start).trim());
	return parts.filter(Boolean);
}

/** The classes an element must have for `selector` to match (classes under :not() do not count). */
export function requiredClasses(selector: string): string[] {
	let plain = selector.replace(/\[[^\]]*\]/g, '');
	// Innermost first, so nested :not(:is(.a)) disappears whole.
	while (/:not\([^()]*\)/.test(plain)) plain = plain.replace(/:not\([^()]*\)/g, '');
	return [...plain.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
}

export type SubsetOptions = {
	/** Every class name the project might use. */
	used: ReadonlySet<string>;
	/** Families of classes built at run time (`icon-${size}`): kept whole. */
	keepPrefixes?: readonly string[];
	/** Drops @font-face rules (the project declares its own fonts). */
	dropFontFaces?: boolean;
};

function serialize(nodes: Node[], options: SubsetOptions): string {
	let out = '';
	for (const node of nodes) {
		if (node.kind === 'statement') {
			// @charset and @import only make sense at the top; keep them as they are.
			out += node.text;
		} else if (node.kind === 'block') {
			if (options.dropFontFaces && /^@font-face$/i.test(node.prelude)) continue;
			out += `${node.prelude}{${node.body}}`;
		} else if (node.kind === 'group') {
			const inner = serialize(node.children, options);
			if (inner) out += `${node.prelude}{${inner}}`;
		} else {
			const known = (c: string) => options.used.has(c) || (options.keepPrefixes ?? []).some((p) => c.startsWith(p));
			const kept = splitSelectors(node.selector).filter((s) => requiredClasses(s).every(known));
			if (kept.length) out += `${kept.join(',')}{${node.body}}`;
		}
	}
	return out;
}

/** The rules of `css` that can apply given `options.used`, minified as they came. */
export function subsetCss(css: string, options: SubsetOptions): string {
	return serialize(parseCss(css), options);
}

/**
 * Words that may be class names in source code: every identifier-like token. Over-inclusive on
 * purpose (a class built as `icon-${size}` is caught through its parts), so no used rule is lost.
 */
export function collectClassCandidates(sources: Iterable<string>): Set<string> {
	const used = new Set<string>();
	for (const source of sources) {
		for (const match of source.matchAll(/[_a-zA-Z][\w-]*/g)) used.add(match[0]);
	}
	return used;
}
