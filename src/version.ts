/** The package version, stamped at build time. */
export const VERSION: string = '0.1.0';
