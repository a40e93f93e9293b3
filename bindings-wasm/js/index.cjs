'use strict';
// Node, CommonJS: `const { parse } = require('lgsco')`.
const glue = require('./lgsco_wasm_node.cjs');
const { makeApi } = require('./wrap.cjs');

// Node's Buffer decodes UTF-16 several times faster than its TextDecoder.
const decodeUtf16 = (units) =>
  Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
const api = makeApi(glue, { decodeUtf16 });
module.exports = {
  parse: api.parse,
  parseMany: api.parseMany,
  parseObject: api.parseObject,
  toAkn: api.toAkn,
  toMarkdown: api.toMarkdown,
  toHtml: api.toHtml,
  version: api.version,
  __panicForTest: api.__panicForTest,
  // The browser build needs `await init()`; here the module is ready at load.
  init: async () => module.exports,
  initSync: () => module.exports,
};
module.exports.default = module.exports.init;
