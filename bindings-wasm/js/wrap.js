// The public API of the lgsco package, around the wasm-bindgen glue.
// Written once as an ES module; build.sh derives wrap.cjs from it for Node's
// `require`. No parsing here: the glue's exports do all the work.

/**
 * Makes `parse`, `parseMany` and `version` from the wasm-bindgen glue.
 *
 * `parseToJson` (Rust: JSON text with UTF-16 spans) + `JSON.parse` measured
 * faster than building the object across the boundary with serde-wasm-bindgen
 * (`parseToObject`), so `parse` uses the former; `parseObject` keeps the other
 * path available (same result).
 */
export function makeApi(glue) {
  // A trap (a Rust panic, which aborts in wasm, or a stack overflow) leaves
  // the instance poisoned: make a fresh one so the next call works, and turn
  // the trap into an ordinary Error.
  function guard(fn, arg) {
    try {
      return fn(arg);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        let detail = null;
        try {
          detail = glue.takePanicMessage();
        } catch (_) {
          // the instance may be too broken to say
        }
        glue.__wbg_reset_state();
        const err = new Error(
          'lgsco: internal error' + (detail ? ': ' + detail : ': ' + e.message) +
            ' (the module was reset and can be used again; please report the input)',
          { cause: e },
        );
        err.name = 'InternalError';
        err.code = 'internal';
        throw err;
      }
      throw e;
    }
  }

  return {
    /** Parses one decision statement; see index.d.ts. */
    parse(text) {
      return JSON.parse(guard(glue.parseToJson, text));
    },
    /** Parses several; throws the first error, with its `index`. */
    parseMany(texts) {
      return JSON.parse(guard(glue.parseManyToJson, texts));
    },
    /** Same result as `parse`, built with serde-wasm-bindgen. */
    parseObject(text) {
      return guard(glue.parseToObject, text);
    },
    /** The lgsco version this package was built from. */
    version() {
      return glue.version();
    },
    /** For tests only: panics inside the module, which must survive it. */
    __panicForTest() {
      return guard(glue.__panicForTest, undefined);
    },
  };
}
