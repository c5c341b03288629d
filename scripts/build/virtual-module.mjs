// A rollup plugin that answers some imports with a module of its own making: a stub for code a
// build leaves out, or a short module that takes a package's place.

/**
 * Resolves every import for which `matches(source, importer)` is true to one module whose code is
 * `code` (a string, or a function called when rollup loads it).
 */
export function virtualModule(name, matches, code) {
  const id = `\0${name}`;
  return {
    name,
    resolveId: (source, importer) => (matches(source, importer) ? id : null),
    load: (loading) => (loading === id ? (typeof code === 'function' ? code() : code) : null),
  };
}
