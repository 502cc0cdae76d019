import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidc';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: () => import('./SignInPage').then(m => m.SignInPage),
  },
});

export const authModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, oidcAuthApi],
});
