/** Types of fake-video.mjs (plain JS, so the test runner's config can import it). */
export declare const CAMERA_VIDEOS: {
  digit: { scene: string; label: string };
  number: { scene: string; label: string };
};
export declare function cameraVideo(
  name: 'digit' | 'number',
  options?: { width?: number; height?: number; frames?: number; fps?: number; shake?: number },
): Promise<string>;
