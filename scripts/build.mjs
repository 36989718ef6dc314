#!/usr/bin/env node
// `npm run build` (run by `npm ci` as `prepare`): compiles the CLI to plain JavaScript in dist/ so
// bin/switchboard.js starts without transpiling TypeScript (docs/architecture.md, "Start-up").
// Plain JavaScript on purpose: it runs before anything could load TypeScript.
//
// One self-contained esbuild bundle of cli/start.ts per command (dist/cmd-<name>.js), holding only
// that command's module and what it uses, and one with no command (dist/start.js: --version,
// --help, unknown words). The bin loads the one bundle its argv needs, so a process never holds two
// copies of a module (BillingError stays one class). Bundles are not split into shared chunks:
// esbuild's splitting keeps, for every command, all that any command uses of a shared file, which
// here meant pdfkit, xmlbuilder2 and yaml for `usage list`.
//
// Every bundle sits directly in dist/, so each module's own location is rewritten to its source's
// (`import.meta.url` of db/open-database.ts is ROOT/db/open-database.ts again) and the files found
// beside the sources (db/migrations, the demo dataset, the plain-JS .mjs modules, which worker
// threads load by path) resolve exactly as under tsx. Packages stay in node_modules, except their
// JSON, which Node 20 cannot import without an attribute. dist/manifest.json, written last, lists
// the bundles and every source in them with its mtime, so the bin can tell a stale build.
import { build } from 'esbuild';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const TABLE = join(ROOT, 'cli', 'commands', 'index.ts');
// Packages loaded from node_modules as they are: native code (better-sqlite3), files read beside
// their own code (pdfkit's fonts), and what LangChain shares with us (zod, one copy for both). The
// others are bundled: loading drizzle-orm's hundreds of small files cost more than running them.
const KEEP_EXTERNAL = /^(node:|better-sqlite3|bindings|pdfkit|zod|@langchain\/|langchain|openai)(\/|$)/;
const relativeTo = (dir, file) => relative(dir, file).split(sep).join('/');

/** The commands of cli/commands/index.ts and their modules, in its `{ name: 'x', ... import('./x.ts') }` form. */
async function commandModules() {
  const source = await readFile(TABLE, 'utf8');
  const found = [...source.matchAll(/name: '([^']+)'[^}]*?import\('(\.\/[^']+\.ts)'\)/g)].map(([, name, path]) => ({ name, module: resolve(dirname(TABLE), path) }));
  const names = [...source.matchAll(/name: '/g)].length;
  if (found.length === 0 || found.length !== names)
    throw new Error(`scripts/build.mjs read ${found.length} command modules from ${names} entries of ${TABLE}: keep each entry's name and import('./x.ts') together`);
  return found;
}

/** The bundle of start.ts in `dir` with only `command`'s module (none: null); the other commands' imports are left empty. */
function layout(dir, command) {
  const fromOut = (file) => relativeTo(dir, file);
  return {
    name: 'switchboard-layout',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (KEEP_EXTERNAL.test(args.path) ? { path: args.path, external: true } : undefined));
      b.onResolve({ filter: /\.mjs$/ }, (args) => ({ path: fromOut(resolve(args.resolveDir, args.path)), external: true }));
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.importer.includes(`${sep}node_modules${sep}`)) return undefined; // a bundled package's own files
        const path = resolve(args.resolveDir, args.path);
        if (args.importer === TABLE && args.kind === 'dynamic-import' && path !== command) return { path, namespace: 'other-command' };
        // Our modules only declare things, so one none of whose exports is used is left out, and with
        // it its packages: `invoice show` does not load what every store behind db/index.ts imports.
        return { path, sideEffects: false };
      });
      b.onLoad({ filter: /.*/, namespace: 'other-command' }, () => ({ contents: 'export {};', loader: 'js' }));
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const own = `new URL(${JSON.stringify(fromOut(args.path))}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', own), loader: 'ts' };
      });
    },
  };
}

/** Builds `dir`/start.js for `command`; returns the sources it holds. */
async function bundle(dir, command) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['cli/start.ts'],
    outdir: dir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    // Split at the dynamic imports only this command's own code has (the model, the agent graphs),
    // so they and their packages load when used.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The pages are hono/jsx (tsconfig's jsx settings, stated here so the bundle never falls back to React's).
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    // Bundled CommonJS packages require Node's own modules; an ES module has no `require` of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
    plugins: [layout(dir, command)],
  });
  return Object.keys(result.metafile.inputs).filter((f) => !f.split('/').includes('node_modules') && !f.startsWith('other-command:'));
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const commands = await commandModules();
const built = await Promise.all([bundle(join(out, 'program'), null), ...commands.map((c) => bundle(join(out, `cmd-${c.name}`), c.module))]);
const inputs = {};
// Installed packages change only with `npm ci`, which builds again.
for (const file of [...new Set(built.flat())].sort()) inputs[file] = (await stat(join(ROOT, file))).mtimeMs;
const manifest = { entry: 'program/start.js', commands: Object.fromEntries(commands.map((c) => [c.name, `cmd-${c.name}/start.js`])), inputs };
await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
console.log(`built ${relativeTo(ROOT, out)}/: a bundle with no command and ${commands.length} command bundles from ${Object.keys(inputs).length} sources`);
