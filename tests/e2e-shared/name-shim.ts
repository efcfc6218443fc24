/**
 * tsx compiles the harness with esbuild's keepNames, which wraps named functions in `__name(...)`;
 * functions sent to a page, worker or background page travel as source, so it needs that helper too.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';
