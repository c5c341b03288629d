/** The targets BENCHMARKS.md measures against (the issues' figures). */
export const TARGETS = {
  mnist: 0.995,
  photoKind: 0.98,
  canvas28Ms: 0.5,
  photoMs: 5,
  deskMs: 6,
  desk12mpMs: 150,
  firstAnswerMs: 300,
  totalGzipKb: 300,
  bundleGzipKb: 120,
  readNumberExact: 0.95,
  readNumberMs: 10,
};
