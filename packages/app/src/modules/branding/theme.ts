import {
  createUnifiedTheme,
  genPageTheme,
  palettes,
  shapes,
} from '@backstage/theme';

/** Gogidix brand colours: marketplace teal with a warm accent. */
export const brand = {
  teal: '#0E6B68',
  tealDark: '#0A4F4D',
  tealLight: '#3FA7A1',
  amber: '#F2A33A',
  ink: '#12263A',
};

const pageTheme = {
  home: genPageTheme({
    colors: [brand.tealDark, brand.teal],
    shape: shapes.wave,
  }),
  service: genPageTheme({
    colors: [brand.teal, brand.tealLight],
    shape: shapes.round,
  }),
  website: genPageTheme({
    colors: [brand.teal, brand.tealLight],
    shape: shapes.round,
  }),
  library: genPageTheme({
    colors: [brand.ink, brand.teal],
    shape: shapes.round,
  }),
  documentation: genPageTheme({
    colors: [brand.ink, brand.tealDark],
    shape: shapes.wave2,
  }),
  tool: genPageTheme({
    colors: [brand.tealDark, brand.amber],
    shape: shapes.round,
  }),
  apis: genPageTheme({
    colors: [brand.ink, brand.tealLight],
    shape: shapes.wave2,
  }),
  other: genPageTheme({
    colors: [brand.tealDark, brand.ink],
    shape: shapes.wave,
  }),
};

const navigation = {
  background: brand.ink,
  indicator: brand.amber,
  color: '#C9D6E2',
  selectedColor: '#FFFFFF',
  navItem: { hoverBackground: '#1D3A55' },
  submenu: { background: '#0E1E2E' },
};

export const gogidixLightTheme = createUnifiedTheme({
  palette: {
    ...palettes.light,
    primary: { main: brand.teal },
    secondary: { main: brand.amber },
    navigation,
  },
  defaultPageTheme: 'home',
  pageTheme,
});

export const gogidixDarkTheme = createUnifiedTheme({
  palette: {
    ...palettes.dark,
    primary: { main: brand.tealLight },
    secondary: { main: brand.amber },
    navigation: { ...navigation, background: '#0B1724' },
  },
  defaultPageTheme: 'home',
  pageTheme,
});
