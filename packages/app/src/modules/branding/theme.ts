import {
  createUnifiedTheme,
  defaultComponentThemes,
  genPageTheme,
  palettes,
  shapes,
} from '@backstage/theme';
import type { Components, Theme } from '@mui/material/styles';

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

type CellOverrides = NonNullable<
  NonNullable<Components<Theme>['MuiTableCell']>['styleOverrides']
>;
const defaultCell = (defaultComponentThemes?.MuiTableCell?.styleOverrides ??
  {}) as CellOverrides;

/** A default cell style, which may be a function of the theme, with `extra` on top. */
function cellStyle(
  base: CellOverrides['root'],
  extra: Record<string, string>,
): CellOverrides['root'] {
  return props => ({
    ...((typeof base === 'function' ? base(props) : base) as object),
    ...extra,
  });
}

/**
 * Table cells keep Backstage's density, but words stay whole and content is
 * never cut off: the stock `word-break: break-word` lets a cell shrink to a
 * letter (names broken mid-word, vertical headings on a phone) and
 * `overflow: hidden` clips what does not fit. A column is now as wide as its
 * longest word; long refs opt in to `overflow-wrap: anywhere` where shown.
 */
const wholeWords = { wordBreak: 'normal', overflowWrap: 'break-word' };
const components: Components<Theme> = {
  MuiTableCell: {
    styleOverrides: {
      ...defaultCell,
      root: cellStyle(defaultCell.root, { ...wholeWords, overflow: 'visible' }),
      head: cellStyle(defaultCell.head, { ...wholeWords, overflow: 'visible' }),
    },
  },
};

export const gogidixLightTheme = createUnifiedTheme({
  components,
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
  components,
  palette: {
    ...palettes.dark,
    primary: { main: brand.tealLight },
    secondary: { main: brand.amber },
    navigation: { ...navigation, background: '#0B1724' },
  },
  defaultPageTheme: 'home',
  pageTheme,
});
