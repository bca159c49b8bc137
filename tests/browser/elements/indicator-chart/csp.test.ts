import { expect, waitUntil } from '@open-wc/testing';

interface Report {
  violations: string[];
  errors: string[];
  states: string[];
}

describe('<indicator-chart> under a strict Content-Security-Policy', () => {
  it("draws line and bar charts with script-src 'self'; style-src 'self' (no eval, no inline style)", async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '700px';
    frame.style.height = '900px';
    frame.src = new URL('./csp-frame.html', import.meta.url).href;
    document.body.append(frame);
    try {
      const win = () => frame.contentWindow as (Window & { cspReport?: Report }) | null;
      await waitUntil(() => (win()?.cspReport?.states.length ?? 0) >= 2, 'both charts report', { timeout: 15000 });
      const report = win()!.cspReport!;
      expect(report.states.sort()).to.deep.equal(['bar: fokus-load', 'line: fokus-load']);
      expect(report.violations).to.deep.equal([]);
      expect(report.errors).to.deep.equal([]);
      const [line, bar] = [...frame.contentDocument!.querySelectorAll('indicator-chart')];
      expect(line.shadowRoot!.querySelectorAll('.vega svg g.mark-line.role-mark path').length).to.equal(3);
      expect(bar.shadowRoot!.querySelectorAll('.vega svg g.mark-rect.role-mark path').length).to.be.greaterThan(40);
      // a test that can fail: the same policy does block an inline style element
      const style = frame.contentDocument!.createElement('style');
      style.textContent = 'body { color: rgb(255, 0, 0); }';
      frame.contentDocument!.head.append(style);
      await waitUntil(() => report.violations.length > 0, 'the policy is active', { timeout: 3000 });
      expect(report.violations[0]).to.match(/^style-src/);
    } finally {
      frame.remove();
    }
  });
});
