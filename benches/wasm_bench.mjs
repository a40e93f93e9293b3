#!/usr/bin/env node
// Node bench for issue 6 (not a test): the wasm package against the native
// parse, on the same bytes.
//
//   cargo build --release --example native_times
//   bash bindings-wasm/build.sh            # builds bindings-wasm/pkg
//   node benches/wasm_bench.mjs [--docs 2000]
//
// The native example times each real seed and a varied corpus (the one the
// Rust benches use) with lgsco::parse (tree + entities, dropped after) in a
// native process, and dumps that corpus as JSON; this script parses the same
// texts with the package's parse() (wasm parse, the tape across the
// boundary, the objects built in JS: what a JS user gets) and parseObject()
// (the JSON path: serde_json in wasm, JSON.parse), fastest of several
// batches, and prints the ratios against the native parse.
// "+JSON" is the native parse followed by serde_json::to_string; "wasm
// only" is the parse alone in wasm (__parseOnlyForBench: the text passed
// in, the tree built and dropped, nothing converted), the floor under parse().
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const lgsco = require(path.join(root, 'bindings-wasm', 'pkg'));
const glue = require(path.join(root, 'bindings-wasm', 'pkg', 'lgsco_wasm_node.cjs'));

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const docs = Number(opt('--docs', 2000));
const native = opt('--native', path.join(root, 'target/release/examples/native_times'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsco-bench-'));
const dump = path.join(tmp, 'corpus.json');
const out = execFileSync(native, ['--seeds', '--corpus', String(docs), '--dump', dump], {
  encoding: 'utf8',
});
const corpus = JSON.parse(fs.readFileSync(dump, 'utf8'));
fs.rmSync(tmp, { recursive: true });
const lines = out.trim().split('\n').map((l) => JSON.parse(l));
const seeds = lines.filter((l) => l.seed);
const nativeCorpus = lines.find((l) => l.docs);

/** Microseconds per call: the fastest mean of `rounds` batches. */
function perCall(fn, batch, rounds = 7) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / batch);
  }
  return best;
}

console.log(`node ${process.version}, lgsco ${lgsco.version()}`);
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
console.log('per seed, microseconds per document (fastest of 7 batches):');
console.log(`${'seed'.padEnd(28)} ${'native'.padStart(8)} ${'+JSON'.padStart(8)} ${'wasm only'.padStart(9)} ${'ratio'.padStart(6)} ${'parse'.padStart(8)} ${'ratio'.padStart(6)} ${'parseObject'.padStart(11)} ${'ratio'.padStart(6)}`);
// Warm up first (wasm functions tier up from Liftoff to TurboFan as they run).
for (const t of corpus.slice(0, 300)) { lgsco.parse(t); lgsco.parseObject(t); glue.__parseOnlyForBench(t); }
const ratios = [];
for (const s of seeds) {
  const text = fs.readFileSync(path.join(root, 'tests', 'fixtures', s.seed), 'utf8');
  for (let i = 0; i < 30; i++) { lgsco.parse(text); lgsco.parseObject(text); glue.__parseOnlyForBench(text); }
  const o = perCall(() => glue.__parseOnlyForBench(text), 100);
  const a = perCall(() => lgsco.parse(text), 100);
  const b = perCall(() => lgsco.parseObject(text), 100);
  ratios.push(a / s.parse_us);
  const r = (x) => (x / s.parse_us).toFixed(2).padStart(6);
  console.log(`${s.seed.replace(/\.txt$/, '').padEnd(28)} ${s.parse_us.toFixed(1).padStart(8)} ${s.parse_to_json_us.toFixed(1).padStart(8)} ${o.toFixed(1).padStart(9)} ${r(o)} ${a.toFixed(1).padStart(8)} ${r(a)} ${b.toFixed(1).padStart(11)} ${r(b)}`);
}

const mb = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
for (const t of corpus.slice(0, 50)) lgsco.parse(t);
let best = Infinity;
let bestObj = Infinity;
let bestOnly = Infinity;
for (let r = 0; r < 5; r++) {
  let t = process.hrtime.bigint();
  for (const d of corpus) glue.__parseOnlyForBench(d);
  bestOnly = Math.min(bestOnly, Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  for (const d of corpus) lgsco.parse(d);
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  for (const d of corpus) lgsco.parseObject(d);
  bestObj = Math.min(bestObj, Number(process.hrtime.bigint() - t) / 1e6);
}
console.log(`corpus: ${corpus.length} decisions, ${mb.toFixed(1)} MB (same bytes as the native example)`);
console.log(`native parse:       ${nativeCorpus.total_ms.toFixed(1).padStart(9)} ms`);
console.log(`wasm parse only:    ${bestOnly.toFixed(1).padStart(9)} ms  (${(bestOnly / nativeCorpus.total_ms).toFixed(2)}x native)`);
console.log(`wasm parse():       ${best.toFixed(1).padStart(9)} ms  (${(best / nativeCorpus.total_ms).toFixed(2)}x native)`);
console.log(`wasm parseObject(): ${bestObj.toFixed(1).padStart(9)} ms  (${(bestObj / nativeCorpus.total_ms).toFixed(2)}x native)`);
ratios.sort((a, b) => a - b);
console.log(`median_seed_wasm_vs_native=${ratios[Math.floor(ratios.length / 2)].toFixed(2)}`);
console.log(`corpus_wasm_vs_native=${(best / nativeCorpus.total_ms).toFixed(2)}`);
