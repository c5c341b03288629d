import { expect } from '@open-wc/testing';

/** Opens test/browser/csp/page.html, which the test server serves with the named policy. */
function runPage(policy: 'strict' | 'no-wasm' | 'no-worker'): Promise<{
  digit?: number;
  backend?: string;
  inWorker?: { digit: number; worker: boolean };
  error?: string;
  warnings?: string[];
}> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data);
    };
    window.addEventListener('message', onMessage);
    frame.src = `/test/browser/csp/page.html?csp=${policy}`;
    document.body.append(frame);
  });
}

/** digit-recognizer's own warnings (tfjs adds its own when WebAssembly fails). */
const ours = (warnings: string[] | undefined): string[] =>
  (warnings ?? []).filter((w) => w.startsWith('digit-recognizer:'));

describe('under a Content-Security-Policy', () => {
  it("works with script-src 'self' 'wasm-unsafe-eval' (no unsafe-eval, no inline script)", async () => {
    const result = await runPage('strict');
    expect(result.error).to.equal(undefined);
    expect(result.backend).to.equal('wasm');
    expect(result.digit).to.equal(1);
    expect(result.inWorker).to.deep.equal({ digit: 1, worker: true });
    expect(ours(result.warnings)).to.deep.equal([]);
  });

  it("reads on the main thread, with one warning, when worker-src 'none' forbids the worker", async () => {
    const result = await runPage('no-worker');
    expect(result.error).to.equal(undefined);
    expect(result.inWorker).to.deep.equal({ digit: 1, worker: false });
    const warnings = ours(result.warnings);
    expect(warnings).to.have.length(1);
    expect(warnings[0])
      .to.match(/Content.Security.Policy/)
      .and.to.contain('main thread');
  });

  it("still answers without 'wasm-unsafe-eval', on the CPU fallback", async () => {
    const result = await runPage('no-wasm');
    expect(result.error).to.equal(undefined);
    expect(result.backend).to.equal('cpu');
    expect(result.digit).to.equal(1);
    // Our one warning blames the policy, because the policy blocked it.
    const warnings = ours(result.warnings);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain("Content-Security-Policy blocks it: allow 'wasm-unsafe-eval'");
  });
});
