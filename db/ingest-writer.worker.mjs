// Bootstrap for the TypeScript writer thread: Node 20 does not apply --import loaders to a
// worker's own entry file, so the worker starts here, registers tsx, then loads the real module.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-writer.worker.ts');
