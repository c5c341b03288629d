// Why Node decodes with sharp: decode time of a 12 MP JPEG, PNG and WebP with sharp and with the
// pure-JS / WebAssembly decoders one could use instead. Not part of `npm run bench` (the others
// are not dependencies). Run:
//
//   npm install --no-save jpeg-js @jsquash/jpeg @jsquash/webp && node scripts/bench/decoders.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const dir = '.cache/decoders';
mkdirSync(dir, { recursive: true });
const source = 'test/fixtures/scenes/digit-dark-wood.jpg';
const files = { jpg: join(dir, '12mp.jpg'), png: join(dir, '12mp.png'), webp: join(dir, '12mp.webp') };
await sharp(source).resize(4000, 3000).jpeg({ quality: 90 }).toFile(files.jpg);
await sharp(source).resize(4000, 3000).png().toFile(files.png);
await sharp(source).resize(4000, 3000).webp({ quality: 85 }).toFile(files.webp);

const jpegJs = (await import('jpeg-js')).default;
const jsquashJpeg = await import('@jsquash/jpeg/decode.js');
const jsquashWebp = await import('@jsquash/webp/decode.js');
const wasmOf = (pkg, file) =>
  WebAssembly.compile(readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file)));
await jsquashJpeg.init(await wasmOf('@jsquash/jpeg', 'codec/dec/mozjpeg_dec.wasm'));
await jsquashWebp.init(await wasmOf('@jsquash/webp', 'codec/dec/webp_dec.wasm'));

const decoders = {
  jpg: {
    'sharp (grey, as the library decodes)': (b) => sharp(b).rotate().greyscale().raw().toBuffer(),
    'sharp (RGB)': (b) => sharp(b).rotate().raw().toBuffer(),
    '@jsquash/jpeg (mozjpeg, wasm)': (b) => jsquashJpeg.default(b),
    'jpeg-js (pure JS)': (b) => jpegJs.decode(b, { useTArray: true, maxMemoryUsageInMB: 1024 }),
  },
  png: { sharp: (b) => sharp(b).raw().toBuffer(), 'pngjs (pure JS)': (b) => PNG.sync.read(b) },
  webp: { sharp: (b) => sharp(b).raw().toBuffer(), '@jsquash/webp (wasm)': (b) => jsquashWebp.default(b) },
};

for (const [format, byName] of Object.entries(decoders)) {
  const bytes = readFileSync(files[format]);
  for (const [name, decode] of Object.entries(byName)) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await decode(bytes);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`${format.padEnd(5)} ${name.padEnd(38)} median ${times[2].toFixed(0)} ms`);
  }
}
