// The tfjs WASM binaries cut down to the kernels the CDN script and the reading worker register
// (`WASM_KERNELS`): the other ~140 kernels' exports are removed, then every function nothing can
// reach any more (Binaryen's `remove-unused-module-elements`, the dead-code step of
// `wasm-metadce`). The SIMD binary goes from 415 KB (134 KB gzipped) to about 255 KB (84 KB).
//
// Only the builds that bundle tfjs themselves load these (dist/slim/): their kernel registry
// holds exactly `WASM_KERNELS`, so no other export is ever called. The ESM entries keep the
// whole binaries (dist/*.wasm): there tfjs is the app's, and an app that runs its own models on
// the same WASM backend may call any kernel.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import binaryen from 'binaryen';

/**
 * What tfjs' Emscripten builds use: SIMD (in the SIMD binary), bulk memory, sign extension,
 * mutable globals, non-trapping float-to-int. Binaryen validates against these; with all of its
 * features on, it would write imports in encodings browsers do not read yet.
 */
const FEATURES =
  binaryen.Features.MVP |
  binaryen.Features.SIMD128 |
  binaryen.Features.BulkMemory |
  binaryen.Features.SignExt |
  binaryen.Features.MutableGlobals |
  binaryen.Features.NontrappingFPToInt;

/** A kernel's export is named after it: `FusedConv2D`, `_FusedMatMul`. Runtime exports are not. */
const KERNEL_EXPORT = /^_?[A-Z]/;

/**
 * Writes each of `files` from `fromDir` to `toDir` with only the kernel exports named in
 * `kernels` (and every runtime export: memory, init, malloc, the function table…) and the code
 * they reach. Throws when a binary is not tfjs' (no `FusedConv2D`) or no longer validates.
 */
export function writeSlimWasm(fromDir, toDir, files, kernels) {
  mkdirSync(toDir, { recursive: true });
  const keep = new Set(kernels);
  for (const file of files) {
    const module = binaryen.readBinary(readFileSync(join(fromDir, file)));
    try {
      module.setFeatures(FEATURES);
      const names = Array.from(
        { length: module.getNumExports() },
        (_, i) => binaryen.getExportInfo(module.getExportByIndex(i)).name,
      );
      // (A kernel of the list that the backend runs in JavaScript, such as Reshape, has no export.)
      if (!names.includes('FusedConv2D')) throw new Error(`${file}: no FusedConv2D export: not tfjs' binary?`);
      for (const name of names) if (KERNEL_EXPORT.test(name) && !keep.has(name)) module.removeExport(name);
      module.runPasses(['remove-unused-module-elements']);
      if (!module.validate()) throw new Error(`${file}: the cut-down binary does not validate`);
      writeFileSync(join(toDir, file), module.emitBinary());
    } finally {
      module.dispose();
    }
  }
}
