#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx switchboard` works without a build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register();
const { main } = await import(join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main.ts'));
await main(process.argv);
