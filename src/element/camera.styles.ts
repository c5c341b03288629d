import { css } from 'lit';

/**
 * Styles of `<digit-recognizer>`'s live camera: the preview (never wider than the element, never
 * taller than most of the screen), the guide box and digit outlines over it, and the steady
 * reading. They use the private `--_*` properties that the element's base styles set.
 */
export const cameraStyles = css`
  .camera-button {
    align-self: center;
  }

  .camera {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    justify-content: center;
    margin-block: 1rem;
  }

  .camera-frame {
    position: relative;
    flex: 1 1 100%;
    width: 100%;
    max-width: 40rem;
    border-radius: var(--_radius);
    overflow: hidden;
    background: #000000;
  }

  .camera-video {
    display: block;
    width: 100%;
    max-height: 70vh;
    object-fit: contain;
  }

  .camera-overlay {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }

  .camera-guide {
    fill: none;
    stroke: #ffffff;
    stroke-width: 4;
    stroke-dasharray: 16 10;
    vector-effect: non-scaling-stroke;
    opacity: 0.9;
  }

  .camera-box {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 3;
    vector-effect: non-scaling-stroke;
  }

  .camera-reading {
    position: absolute;
    inset-inline: 0;
    bottom: 0;
    margin: 0;
    padding: 0.5rem 1rem;
    background: rgb(0 0 0 / 0.6);
    color: #ffffff;
    font-size: 1rem;
    text-align: center;
  }

  .camera-reading[data-steady='true'] {
    font-size: 2.5rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
  }

  .camera-error {
    margin-block: 1rem;
  }
`;
