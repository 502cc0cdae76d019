import {
  SignInPage as BackstageSignInPage,
  SignInProviderConfig,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { SignInPageProps } from '@backstage/core-plugin-api';
import { oidcAuthApiRef } from './oidc';

const oidcProvider: SignInProviderConfig = {
  id: 'oidc',
  title: 'Gogidix SSO',
  message: 'Sign in with your Gogidix account',
  apiRef: oidcAuthApiRef,
};

/**
 * Offers the sign-in methods named in `gogidix.signIn.providers`: guest in
 * development, OIDC in production.
 */
export function SignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  const names = configApi.getOptionalStringArray(
    'gogidix.signIn.providers',
  ) ?? ['oidc'];
  const providers = names.map(name =>
    name === 'guest' ? ('guest' as const) : oidcProvider,
  );
  return (
    <BackstageSignInPage
      {...props}
      auto
      title="Gogidix Platform Portal"
      align="center"
      providers={providers}
    />
  );
}
