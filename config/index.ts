export { loadConfig, appConfigSchema, type AppConfig } from './load-config.ts';
