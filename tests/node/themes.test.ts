// The two themes (themes/*.css): custom properties only, documented tokens only, dark
// mode only where the host opts in, and every colour pair meets WCAG 2.1 AA.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Rule {
  media?: string;
  selectors: string[];
  decls: Map<string, string>;
}

/** A small parser for the flat theme files: rules, optionally inside one @media. */
function parse(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  const re = /(@media[^{]+)\{((?:[^{}]*\{[^}]*\})*)\s*\}|([^{}@]+)\{([^}]*)\}/g;
  const rule = (selector: string, body: string, media?: string): Rule => ({
    media,
    selectors: selector.split(',').map((s) => s.trim()),
    decls: new Map(
      body
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const i = d.indexOf(':');
          return [d.slice(0, i).trim(), d.slice(i + 1).trim()] as [string, string];
        }),
    ),
  });
  for (const m of text.matchAll(re)) {
    if (m[1]) {
      for (const inner of m[2].matchAll(/([^{}]+)\{([^}]*)\}/g)) rules.push(rule(inner[1], inner[2], m[1].trim()));
    } else {
      rules.push(rule(m[3], m[4]));
    }
  }
  return rules;
}

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Every token the library reads: the global ones in styles.ts and the elements' own. */
function knownTokens(): Set<string> {
  const sources = [
    'src/internal/styles.ts',
    'src/elements/indicator-chart/indicator-chart.ts',
    'src/elements/municipality-map/municipality-map.ts',
    'src/elements/comparison-table/comparison-table.ts',
  ];
  const names = new Set<string>();
  for (const file of sources) {
    for (const m of readFileSync(file, 'utf8').matchAll(/@cssprop\s+(--fokus-[a-z0-9-]+)/g)) names.add(m[1]);
  }
  return names;
}

const AA_TEXT = 4.5;
const AA_GRAPHICS = 3;
/** [foreground, background, minimum ratio] */
const PAIRS: [string, string, number][] = [
  ['text', 'background', AA_TEXT],
  ['text', 'surface', AA_TEXT],
  ['text', 'selected', AA_TEXT],
  ['muted', 'background', AA_TEXT],
  ['muted', 'surface', AA_TEXT],
  ['accent', 'background', AA_TEXT],
  ['accent', 'surface', AA_TEXT],
  ['reference', 'background', AA_TEXT],
  ['error', 'background', AA_TEXT],
  ['better', 'background', AA_TEXT],
  ['worse', 'background', AA_TEXT],
  ['focus', 'background', AA_GRAPHICS],
  ['border', 'background', AA_GRAPHICS],
  ['chart-other', 'background', AA_GRAPHICS],
  ['chart-reference-light', 'background', AA_GRAPHICS],
];
const token = (name: string) => (name.startsWith('chart-') ? `--fokus-${name}` : `--fokus-color-${name}`);

for (const theme of ['kreis', 'neutral']) {
  const rules = parse(readFileSync(`themes/${theme}.css`, 'utf8'));
  const light = rules.find((r) => r.selectors.includes(':root'));
  const dark = rules.find((r) => !r.media && r.selectors.includes("[data-fokus-theme='dark']"));
  const auto = rules.find((r) => r.media && r.selectors.includes("[data-fokus-theme='auto']"));

  test(`${theme}: only documented --fokus-* custom properties`, () => {
    const known = knownTokens();
    assert.ok(known.size >= 20, `found the documented tokens (${known.size})`);
    for (const r of rules) {
      for (const name of r.decls.keys()) {
        assert.ok(name.startsWith('--fokus-'), `${theme}: ${name} is not a custom property`);
        assert.ok(known.has(name), `${theme}: ${name} is not a documented token`);
      }
    }
  });

  test(`${theme}: dark mode only where the host page opts in`, () => {
    assert.ok(light && dark && auto, 'light, dark and auto rules exist');
    assert.ok(dark.selectors.includes('.fokus-theme-dark'));
    // prefers-color-scheme is used only under the explicit data-fokus-theme="auto"
    for (const r of rules.filter((x) => x.media)) {
      assert.match(r.media!, /prefers-color-scheme:\s*dark/);
      assert.deepEqual(r.selectors, ["[data-fokus-theme='auto']"], 'no unconditional OS-driven dark mode');
    }
    assert.deepEqual([...auto.decls], [...dark.decls], 'auto (dark) equals the explicit dark');
    for (const name of dark.decls.keys()) assert.ok(light.decls.has(name), `${name} also set in light`);
  });

  for (const [mode, pick] of [
    ['light', () => light!],
    ['dark', () => dark!],
  ] as const) {
    test(`${theme} ${mode}: colour pairs meet WCAG 2.1 AA`, () => {
      const decls = pick().decls;
      const failures: string[] = [];
      for (const [fg, bg, min] of PAIRS) {
        const a = decls.get(token(fg));
        const b = decls.get(token(bg));
        assert.ok(a && b, `${token(fg)} and ${token(bg)} set`);
        const ratio = contrast(a, b);
        if (ratio < min) failures.push(`${fg} ${a} on ${bg} ${b}: ${ratio.toFixed(2)} < ${min}`);
      }
      assert.deepEqual(failures, []);
    });
  }
}

test('contrast() matches known values', () => {
  assert.equal(contrast('#000000', '#ffffff').toFixed(1), '21.0');
  assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48');
});
