import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: [
    './db/schema.ts',
    './db/billing-schema.ts',
    './db/agent-schema.ts',
    './db/api-schema.ts',
    './db/web-schema.ts',
    './db/cycle-schema.ts',
    './db/notification-schema.ts',
    './db/fraud-schema.ts',
    './db/payment-schema.ts',
    './db/collections-schema.ts',
    './db/payment-import-schema.ts',
    './db/tax-pack-schema.ts',
  ],
  out: './db/migrations',
});
