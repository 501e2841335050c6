// Providers around the router: theme, data cache, translations.
import {
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  MantineProvider,
  mergeThemeOverrides,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from './i18n';
import { ApiError } from './lib/api';
import { createAppRouter } from './router';

// Mantine's teal, its two darkest shades one step darker, and shade 8 as the primary: white on
// teal (buttons, also hovered at shade 9) and teal on white stay at WCAG AA contrast (4.5:1), as
// the journeys' axe check demands; Mantine's defaults (teal 6, grey 6) fall below it.
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#12b886',
  '#0ca678',
  '#087f5b',
  '#066649',
];

const theme = createTheme({
  colors: { teal },
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

// Mantine draws light variants (badges, alerts) in shade 8 or 9 of a colour on its own tint, and
// filled ones white on shade 8: too faint for AA in the bright colours. These darker tones pass
// 4.5:1 on the tint and on white (checked by the journeys' axe run).
const DARK_TONES: Record<string, string> = {
  teal: '#066649',
  green: '#267937',
  lime: '#4a760a',
  yellow: '#a65600',
  orange: '#bb3e0d',
  cyan: '#0b7285',
  red: '#c52929',
};

const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': DARK_TONES.red as string,
    ...Object.fromEntries(
      Object.entries(DARK_TONES).flatMap(([color, tone]) => [
        [`--mantine-color-${color}-light-color`, tone],
        [`--mantine-color-${color}-outline`, tone],
        ...(color === 'teal'
          ? []
          : [
              [`--mantine-color-${color}-filled`, tone],
              [`--mantine-color-${color}-filled-hover`, tone],
            ]),
      ]),
    ),
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer, not a hiccup: only network trouble and 5xx are retried.
      retry: (count, error) =>
        count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

// Every dialog's close button is named in the user's language (axe: a button needs a name).
function useLocalisedTheme() {
  const { t } = useTranslation(undefined, { i18n });
  const close = t('app.close');
  return useMemo(
    () =>
      mergeThemeOverrides(
        theme,
        createTheme({
          components: {
            // Plain objects, not Modal.extend: the shell would load the dialogs' code with them.
            Modal: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
            Drawer: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
          },
        }),
      ),
    [close],
  );
}

export function App() {
  const localised = useLocalisedTheme();
  return (
    <MantineProvider theme={localised} cssVariablesResolver={contrast}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
