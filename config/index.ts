export { loadConfig, withEnvironment, appConfigSchema, type AppConfig } from './load-config.ts';
