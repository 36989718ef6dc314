export { showSettings, assertOperatorTenant } from './show-settings.ts';
export { setSetting } from './set-setting.ts';
