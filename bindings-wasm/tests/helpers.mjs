// Shared by the Node tests: where things are, the fixtures, and an
// independent byte -> UTF-16 conversion of the golden JSON (driven by the
// JSON Schema, not by the binding's own rule for finding spans).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const wasmDir = path.resolve(here, '..');
export const root = path.resolve(wasmDir, '..');
export const pkgDir = path.join(wasmDir, 'pkg');
export const fixturesDir = path.join(root, 'tests', 'fixtures');
// LGSCO_GOLDEN_DIR: compare with other golden files (e.g. fresh CLI output).
export const goldenDir = process.env.LGSCO_GOLDEN_DIR ?? path.join(root, 'tests', 'golden');
export const schemaPath = path.join(root, 'schema', 'decision.schema.json');

const require = createRequire(import.meta.url);
/** The built package, loaded the CommonJS way. */
export const lgsco = require(pkgDir);

export const SEED_000 = '000_de584f88dbd5934b';
export const SEED_001 = '001_b4fdc07b486f5ef2';

/** Fixture stems (file names without `.txt`), sorted. */
export function fixtureStems() {
  return fs.readdirSync(fixturesDir).filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4)).sort();
}

export function fixtureText(stem) {
  return fs.readFileSync(path.join(fixturesDir, `${stem}.txt`), 'utf8');
}

export function goldenJson(stem) {
  const p = path.join(goldenDir, `${stem}.json`);
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : null;
}

export const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));

/** UTF-8 byte offset -> UTF-16 offset, for one text (computed from Buffer). */
export function byteToUtf16(text) {
  const bytes = Buffer.from(text, 'utf8');
  const table = new Uint32Array(bytes.length + 1);
  let units = 0;
  let b = 0;
  for (const ch of text) { // by code point
    const n = Buffer.byteLength(ch, 'utf8');
    for (let i = 0; i < n; i++) table[b + i] = units;
    b += n;
    units += ch.length; // 1 or 2 UTF-16 units
  }
  table[b] = units;
  return (byte) => {
    if (!Number.isInteger(byte) || byte < 0 || byte > bytes.length) {
      throw new Error(`byte offset ${byte} outside the input (${bytes.length} bytes)`);
    }
    // A span must start and end on a character boundary.
    if (byte < bytes.length && (bytes[byte] & 0xc0) === 0x80) {
      throw new Error(`byte offset ${byte} inside a UTF-8 character`);
    }
    return table[byte];
  };
}

const isSpanRef = (s) => s && s.$ref === '#/$defs/Span';

/** A schema with its `$ref` resolved and any sibling keywords merged in. */
function flat(s) {
  if (!s || !s.$ref) return s;
  const { $ref, ...rest } = s;
  const base = flat(schema.$defs[$ref.replace('#/$defs/', '')]);
  if (Object.keys(rest).length === 0) return base;
  return { ...base, ...rest, properties: { ...(base.properties ?? {}), ...(rest.properties ?? {}) } };
}

/**
 * Walks `value` along the JSON Schema, calling `onSpan(spanObject, path)` for
 * every value the schema types as `Span`, and checking on the way that every
 * object has exactly the properties its schema lists (the `.d.ts` relies on
 * it: all keys present, `null` for absent values, no others).
 */
export function walkWithSchema(value, onSpan, s = schema, where = '$') {
  if (isSpanRef(s)) {
    onSpan(value, where);
    return;
  }
  s = flat(s);
  const alts = s.anyOf ?? s.oneOf;
  if (alts && !s.properties) {
    const fits = alts.filter((a) => fitsType(value, a));
    if (fits.length === 0) throw new Error(`${where}: ${JSON.stringify(value)?.slice(0, 80)} fits no alternative`);
    walkWithSchema(value, onSpan, fits[0], where);
    return;
  }
  const types = [].concat(s.type ?? []);
  if (value === null) {
    if (!types.includes('null')) throw new Error(`${where}: null where the schema allows none`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkWithSchema(v, onSpan, s.items, `${where}[${i}]`));
    return;
  }
  if (typeof value === 'object') {
    const props = { ...(s.properties ?? {}) };
    if (alts) {
      // Own fields plus a flattened tagged variant (Entity).
      const variant = alts.find((a) => fitsType(value, a));
      if (!variant) throw new Error(`${where}: no variant fits`);
      Object.assign(props, flat(variant).properties ?? {});
    }
    const want = Object.keys(props).sort();
    const have = Object.keys(value).sort();
    if (s.properties && JSON.stringify(want) !== JSON.stringify(have)) {
      throw new Error(`${where}: keys ${have} but the schema lists ${want}`);
    }
    for (const [k, v] of Object.entries(value)) {
      if (props[k]) walkWithSchema(v, onSpan, props[k], `${where}.${k}`);
    }
  }
}

function fitsType(value, s) {
  const r = flat(s);
  const obj = value && typeof value === 'object' && !Array.isArray(value);
  if (r.properties?.type?.const !== undefined) return obj && value.type === r.properties.type.const;
  if (r.properties?.kind?.const !== undefined && r.required?.includes('value')) {
    return obj && value.kind === r.properties.kind.const;
  }
  if ((r.oneOf || r.anyOf) && !r.properties) return (r.oneOf ?? r.anyOf).some((a) => fitsType(value, a));
  const types = [].concat(r.type ?? []);
  if (r.const !== undefined) return value === r.const;
  if (r.enum) return r.enum.includes(value);
  if (value === null) return types.includes('null');
  if (Array.isArray(value)) return types.includes('array');
  if (obj) return types.includes('object') || !!r.properties;
  if (typeof value === 'string') return types.includes('string');
  if (typeof value === 'number') return types.includes('integer') || types.includes('number');
  if (typeof value === 'boolean') return types.includes('boolean');
  return false;
}

/** A deep copy of the golden JSON with every span in UTF-16 offsets. */
export function goldenInUtf16(golden, text) {
  const copy = structuredClone(golden);
  const conv = byteToUtf16(text);
  walkWithSchema(copy, (span) => {
    if (span === null) return;
    span.start = conv(span.start);
    span.end = conv(span.end);
  });
  return copy;
}

/** Every `{text, span}` leaf and every entity of a parsed decision. */
export function textsWithSpans(decision) {
  const out = [];
  const visit = (v) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const keys = Object.keys(v).sort().join(',');
    if (keys === 'span,text') out.push(v);
    for (const x of Object.values(v)) visit(x);
  };
  visit(decision);
  for (const e of decision.entities) out.push(e);
  return out;
}

/** All paragraphs in document order. */
export function paragraphs(decision) {
  const out = [];
  const visit = (s) => {
    for (const b of s.blocks) if (b.type === 'paragraph') out.push(b);
    s.subsections.forEach(visit);
  };
  decision.sections.forEach(visit);
  return out;
}
