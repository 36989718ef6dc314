export { createApp, type ServerDeps } from './create-app.ts';
export { routes } from './routes/index.ts';
export { defineRoute, type RouteSpec } from './define-route.ts';
