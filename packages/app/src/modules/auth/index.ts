import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidc';
import { SignInPage } from './SignInPage';

// Every page load renders the sign-in page first (it restores the session),
// so it ships with the initial scripts: a lazy chunk here costs a round trip
// before sign-in can even start (bench/perf/frontend/README.md).
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => SignInPage,
  },
});

export const authModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, oidcAuthApi],
});
