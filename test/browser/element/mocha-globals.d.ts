// Minimal typings for the mocha globals web-test-runner provides (the project has no @types/mocha).
// Delete this file if @types/mocha is added.
declare global {
  interface MochaContext {
    timeout(ms: number): void;
    skip(): never;
  }
  type MochaDone = (error?: unknown) => void;
  type MochaFn = (this: MochaContext) => void | Promise<unknown>;
  function describe(title: string, fn: (this: MochaContext) => void): void;
  function it(title: string, fn?: MochaFn): void;
  function before(fn: MochaFn): void;
  function after(fn: MochaFn): void;
  function beforeEach(fn: MochaFn): void;
  function afterEach(fn: MochaFn): void;
}

export {};
