import type { Deps } from '../context';
import { registerAccountRoutes } from './account-routes';
import { registerAuthRoutes } from './auth-routes';
import { type App } from '../route-kit';

/** Sign-in and sessions, accounts and roles, security settings. */
export async function registerAccessRoutes(app: App, deps: Deps): Promise<void> {
  await registerAuthRoutes(app, deps);
  await registerAccountRoutes(app, deps);
}
