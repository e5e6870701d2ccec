// umapjs.cjs runs umap-js (the UMAP of TensorFlow's Embedding Projector)
// on a float32 row-major file for bench/project/umap_compare.py:
//
//   node umapjs.cjs UMAPJS_DIR IN.f32 N D NEIGHBORS MIN_DIST EPOCHS SEED OUT.f64
//
// UMAPJS_DIR is a folder where `npm install umap-js@1.4` was run; it is
// not part of the repository. Prints {"seconds": …} for the fit alone and
// writes the N×2 map as float64 little-endian.
'use strict';
const fs = require('fs');
const path = require('path');
const [dir, input, nS, dS, neighbors, minDist, epochs, seedS, output] = process.argv.slice(2);
const { UMAP } = require(path.join(dir, 'node_modules', 'umap-js'));
const n = Number(nS), d = Number(dS);
const buf = fs.readFileSync(input);
const flat = new Float32Array(buf.buffer, buf.byteOffset, n * d);
const data = [];
for (let i = 0; i < n; i++) data.push(Array.from(flat.subarray(i * d, (i + 1) * d)));
// mulberry32: a small seeded generator, so runs are repeatable.
let state = Number(seedS) >>> 0;
function random() {
  state = (state + 0x6D2B79F5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const umap = new UMAP({ nComponents: 2, nNeighbors: Number(neighbors), minDist: Number(minDist), nEpochs: Number(epochs), random });
const start = process.hrtime.bigint();
const embedding = umap.fit(data);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const out = new Float64Array(n * 2);
embedding.forEach((p, i) => { out[2 * i] = p[0]; out[2 * i + 1] = p[1]; });
fs.writeFileSync(output, Buffer.from(out.buffer));
console.log(JSON.stringify({ seconds }));
