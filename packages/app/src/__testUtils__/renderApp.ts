import { render } from '@testing-library/react';
import App from '../App';

/**
 * Renders the whole app with the given sign-in methods. The app reads its
 * configuration once, so each configuration gets its own test file.
 */
export function renderApp(signInProviders: string[]) {
  process.env = {
    NODE_ENV: 'test',
    APP_CONFIG: [
      {
        data: {
          app: { title: 'Gogidix Platform Portal' },
          backend: { baseUrl: 'http://localhost:7007' },
          gogidix: { signIn: { providers: signInProviders } },
        },
        context: 'test',
      },
    ] as any,
  };
  return render(App.createRoot());
}
