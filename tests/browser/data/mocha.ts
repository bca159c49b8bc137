// The mocha globals that @web/test-runner provides, as named imports for the test files that
// prefer imports to ambient globals (others use the globals, typed by @types/mocha).
type Fn = (this: unknown) => void | Promise<unknown>;
interface MochaGlobals {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: Fn) => void;
  beforeEach: (fn: Fn) => void;
  afterEach: (fn: Fn) => void;
}
const g = globalThis as unknown as MochaGlobals;
export const describe: MochaGlobals['describe'] = (name, fn) => g.describe(name, fn);
export const it: MochaGlobals['it'] = (name, fn) => g.it(name, fn);
export const beforeEach: MochaGlobals['beforeEach'] = (fn) => g.beforeEach(fn);
export const afterEach: MochaGlobals['afterEach'] = (fn) => g.afterEach(fn);
