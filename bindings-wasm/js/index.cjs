'use strict';
// Node, CommonJS: `const { parse } = require('lgsco')`.
const glue = require('./lgsco_wasm_node.cjs');
const { makeApi } = require('./wrap.cjs');

const api = makeApi(glue);
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
