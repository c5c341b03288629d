/** Registering a custom element class under a tag, once, in any registry. */

/**
 * Registers `element` as `tag` in `registry`. Calling it again is harmless: a tag that is
 * already defined keeps its class. A class can be registered under one tag only, so another tag
 * gets a subclass. Returns the class registered under `tag`.
 */
export function registerOnce(
  element: CustomElementConstructor,
  tag: string,
  registry: CustomElementRegistry,
): CustomElementConstructor {
  const existing = registry.get(tag);
  if (existing) return existing;
  try {
    registry.define(tag, element);
    return element;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotSupportedError') {
      const Subclass = class extends element {};
      registry.define(tag, Subclass);
      return Subclass;
    }
    throw error;
  }
}
