#!/usr/bin/env node
// Times parse() in Node over the fixtures (after build.sh):
//   node bindings-wasm/bench.mjs [iterations]
// Prints per fixture: parse() (JSON text + JSON.parse, what the package uses),
// parseObject() (serde-wasm-bindgen) and the median of each, in ms.
import { lgsco, fixtureStems, fixtureText } from './tests/helpers.mjs';

const n = Number(process.argv[2] ?? 300);
const time = (fn) => {
  for (let i = 0; i < Math.min(50, n); i++) fn();
  const runs = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
};
let total = [0, 0];
for (const stem of fixtureStems()) {
  const text = fixtureText(stem);
  const a = time(() => lgsco.parse(text));
  const b = time(() => lgsco.parseObject(text));
  total = [total[0] + a, total[1] + b];
  console.log(`${stem.padEnd(28)} ${String(text.length).padStart(6)} chars  parse ${a.toFixed(3)} ms  parseObject ${b.toFixed(3)} ms`);
}
console.log(`${'total (medians)'.padEnd(41)}  parse ${total[0].toFixed(3)} ms  parseObject ${total[1].toFixed(3)} ms`);
