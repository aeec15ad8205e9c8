// Types of client-bundle-size.mjs, for packages/client/test/bundle-size.test.ts.
export declare const budgetBytes: number;
export declare const goalBytes: number;
export declare function dependencyShare(
  specifier: string,
  resolveDir: string,
  dependency: string,
): Promise<number>;
export declare function entrySource(specifier: string): string;
export declare function bundleOptions(specifier: string, resolveDir: string): import("esbuild").BuildOptions;
export declare function measure(
  specifier: string,
  resolveDir: string,
): Promise<{ minified: number; gzipped: number; modules: { path: string; bytes: number }[] }>;
