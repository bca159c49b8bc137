/**
 * Every chart template drawn both ways: precompiled (the Vega spec from the build, inputs as
 * datasets and signals, the lean runtime: what the element does) and compiled in the browser
 * (the Vega-Lite template with the inputs written into it, compiled by Vega-Lite and drawn by
 * the full `vega` bundle). The SVG must be identical.
 */
import { expect } from '@open-wc/testing';
import { compile } from 'vega-lite';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { inlineTemplate } from '../../../../src/elements/indicator-chart/chart-templates.js';
import { renderImage } from '../../../../src/elements/indicator-chart/vega-view.js';
import { CASES } from './chart-cases.js';

async function compiledInBrowser(spec: (typeof CASES)[string]): Promise<string> {
  const vgSpec = compile(inlineTemplate(spec)).spec;
  const view = new vega.View(vega.parse(vgSpec, undefined, { ast: true }), {
    renderer: 'none',
    logLevel: vega.None,
    expr: expressionInterpreter,
  } as never);
  try {
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

describe('chart templates: precompiled and lean runtime vs Vega-Lite compiled in the browser', () => {
  for (const [name, spec] of Object.entries(CASES)) {
    it(`${name} (${spec.template}): the same SVG`, async () => {
      const precompiled = await renderImage(spec, 'svg');
      const reference = await compiledInBrowser(spec);
      expect(precompiled.length).to.be.greaterThan(2000);
      const at = [...precompiled].findIndex((c, i) => c !== reference[i]);
      const around = (svg: string) => svg.slice(Math.max(0, at - 300), at + 200);
      if (precompiled !== reference) expect(around(precompiled), `differs at ${at}`).to.equal(around(reference));
      expect(precompiled).to.equal(reference);
    });
  }

  it('the comparison can fail: another input gives another SVG', async () => {
    const spec = Object.values(CASES)[0];
    const other = { ...spec, signals: { ...spec.signals, seriesColors: ['#ff0000', '#00ff00', '#0000ff'] } };
    expect(await renderImage(other, 'svg')).not.to.equal(await compiledInBrowser(spec));
  });
});
