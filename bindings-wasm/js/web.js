// Browsers (and other ES module hosts): call `await init()` once, then
// `parse(text)`. `init()` fetches lgsco_wasm_bg.wasm next to this file, or
// takes a URL, Response, bytes or WebAssembly.Module.
import initGlue, { initSync as initGlueSync } from './lgsco_wasm_web.js';
import * as glue from './lgsco_wasm_web.js';
import { makeApi } from './wrap.js';

const api = makeApi(glue);
let ready = false;

function api_or_throw() {
  if (!ready) {
    throw new Error('lgsco: call (and await) init() before parse()');
  }
  return api;
}

export default async function init(input) {
  if (!ready) {
    await initGlue(input === undefined ? undefined : { module_or_path: input });
    ready = true;
  }
  return exports_;
}

export function initSync(module) {
  if (!ready) {
    initGlueSync({ module });
    ready = true;
  }
  return exports_;
}

export { init };

export function parse(text) {
  return api_or_throw().parse(text);
}

export function parseMany(texts) {
  return api_or_throw().parseMany(texts);
}

export function parseObject(text) {
  return api_or_throw().parseObject(text);
}

export function toAkn(text) {
  return api_or_throw().toAkn(text);
}

export function toMarkdown(text) {
  return api_or_throw().toMarkdown(text);
}

export function toHtml(text) {
  return api_or_throw().toHtml(text);
}

export function version() {
  return api_or_throw().version();
}

export function __panicForTest() {
  return api_or_throw().__panicForTest();
}

const exports_ = { parse, parseMany, parseObject, toAkn, toMarkdown, toHtml, version, init, initSync, __panicForTest };
