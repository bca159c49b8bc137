/**
 * Loaded by csp-frame.html (strict CSP via <meta>): records CSP violations and errors
 * before the element is defined, then defines it and reports each widget's outcome.
 */
const report = {
  violations: [] as string[],
  errors: [] as string[],
  states: [] as string[],
};
(window as unknown as { cspReport: typeof report }).cspReport = report;
document.addEventListener('securitypolicyviolation', (e) =>
  report.violations.push(
    `${e.violatedDirective}: ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
  ),
);
window.addEventListener('error', (e) => report.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) =>
  report.errors.push(String((e.reason as Error)?.message ?? e.reason)),
);
for (const type of ['fokus-load', 'fokus-error']) {
  document.addEventListener(type, (e) =>
    report.states.push(`${(e.target as Element).getAttribute('type') ?? 'line'}: ${type}`),
  );
}
document.getElementById('host')!.style.width = '600px';
await import('../../../../src/elements/indicator-chart/define.js');
export {};
