import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { setUpChat } from '../../../graphs/supervisor/testing/chat-setup.ts';
import { removeBooks, type BuiltDataset } from '../build-dataset.ts';

/**
 * The chat tests' small operator (tenant t: A1 with INV-000001, 12.35 GBP, on Talk 10; A2 with
 * INV-000002; users alice, bob, carol, dan) as a closed dataset file, so the harness's own tests run
 * real tasks in seconds instead of building the demo. Registered under the demo's name, as the
 * tasks' default dataset.
 */
export async function buildSmallDataset(): Promise<BuiltDataset> {
  const store = createTempStore();
  await setUpChat(store);
  store.close();
  return { name: 'demo-operator', path: store.path, cleanup: () => removeBooks(store.path, store.dir) };
}
