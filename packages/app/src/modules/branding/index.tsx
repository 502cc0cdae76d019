import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import { UnifiedTheme, UnifiedThemeProvider } from '@backstage/theme';
import DarkIcon from '@mui/icons-material/Brightness2';
import LightIcon from '@mui/icons-material/WbSunny';
import { gogidixDarkTheme, gogidixLightTheme } from './theme';

// Named `light` and `dark` so that they replace Backstage's stock themes and
// keep the choice people saved in their settings.
function themeExtension(variant: 'light' | 'dark', theme: UnifiedTheme) {
  return ThemeBlueprint.make({
    name: variant,
    params: {
      theme: {
        id: variant,
        title: `Gogidix ${variant}`,
        variant,
        icon: variant === 'light' ? <LightIcon /> : <DarkIcon />,
        Provider: ({ children }) => (
          <UnifiedThemeProvider theme={theme} children={children} />
        ),
      },
    },
  });
}

export const brandingModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    themeExtension('light', gogidixLightTheme),
    themeExtension('dark', gogidixDarkTheme),
  ],
});
