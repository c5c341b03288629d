/**
 * The package version, stamped at build time.
 *
 * @example
 * ```ts
 * console.log(`digit-recognizer ${VERSION}`);
 * ```
 */
export const VERSION: string = '0.1.0';
