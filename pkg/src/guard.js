// Trap recovery. The core never panics by design and the API keeps oversized input out, but
// if WebAssembly ever traps (a bug, or memory exhausted) the instance's state (allocator,
// shadow stack) can no longer be trusted. `guarded(reset)` returns a caller that runs an
// engine function and, on a trap, replaces the instance with a fresh one (`reset`, made by
// wasm-bindgen's --experimental-reset-state-function) before passing the error on, so the
// next call works.

/** @param {() => void} reset */
export function guarded(reset) {
  return function run(fn, ...args) {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        reset();
        throw new Error(
          `wamsg: internal error in the WebAssembly engine (${e.message}); the engine was reset and later calls work. Please report this with the input.`,
          { cause: e },
        );
      }
      throw e;
    }
  };
}
