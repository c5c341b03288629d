/**
 * The camera refused, for real: the element runs in an iframe whose permissions policy denies
 * the camera, so Chromium's getUserMedia fails with NotAllowedError as when a user says no.
 */
import { expect } from '@open-wc/testing';
import { defaultMessages } from '../../../src/element.js';

function runDeniedPage(): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.allow = "camera 'none'";
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data as Record<string, unknown>);
    };
    window.addEventListener('message', onMessage);
    frame.src = '/test/browser/camera/denied.html';
    document.body.append(frame);
  });
}

describe('<digit-recognizer camera> when the camera is refused', () => {
  it('says so plainly, fires digit-error CAMERA_DENIED, and still reads a chosen photo', async () => {
    const result = await runDeniedPage();
    expect(result['failed']).to.equal(undefined);
    expect(result['rejected']).to.equal('CAMERA_DENIED');
    expect(result['errors']).to.deep.equal(['camera:CAMERA_DENIED']);
    expect(result['message']).to.equal(defaultMessages.errors.CAMERA_DENIED);
    expect(result['video']).to.equal(false);
    expect(result['digit']).to.equal(7);
  });
});
