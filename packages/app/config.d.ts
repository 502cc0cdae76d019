export interface Config {
  gogidix?: {
    signIn?: {
      /**
       * Sign-in methods offered on the sign-in page, in order: `guest` for
       * development, `oidc` for the organisation's OpenID Connect provider.
       * @visibility frontend
       */
      providers: Array<'guest' | 'oidc'>;
    };
  };
}
