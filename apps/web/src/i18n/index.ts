// i18next with the four languages bundled (they are small), plural rules from Intl. The user's
// language comes from their profile once signed in; before that from this browser's choice.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { activitiesMessages } from '../features/activities/messages';
import { adminMessages } from '../features/admin/messages';
import { calendarMessages } from '../features/calendar/messages';
import { casesMessages } from '../features/cases/messages';
import { commissionsMessages } from '../features/commissions/messages';
import { deskMessages } from '../features/desk/messages';
import { securityMessages } from '../features/security/messages';
import { trashMessages } from '../features/trash/messages';
import { de } from './de';
import { en } from './en';
import { pl } from './pl';
import { ru } from './ru';

export const LOCALES = ['de', 'en', 'pl', 'ru'] as const;
export type TLocale = (typeof LOCALES)[number];
const STORED = 'kontor.locale';

export function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function browserLocale(): TLocale {
  const stored = localStorage.getItem(STORED);
  if (isLocale(stored)) return stored;
  const preferred = navigator.languages.map((l) => l.slice(0, 2)).find(isLocale);
  return preferred ?? 'de';
}

// The shell's texts, and each feature's under its own key (t('cases.board')).
function bundle(locale: TLocale, core: object) {
  return {
    translation: {
      ...core,
      desk: deskMessages[locale],
      activities: activitiesMessages[locale],
      cases: casesMessages[locale],
      calendar: calendarMessages[locale],
      commissions: commissionsMessages[locale],
      admin: adminMessages[locale],
      security: securityMessages[locale],
      trash: trashMessages[locale],
    },
  };
}

export const i18n = i18next.createInstance();
const startLocale = browserLocale();
void i18n.use(initReactI18next).init({
  resources: { de: bundle('de', de), en: bundle('en', en), pl: bundle('pl', pl), ru: bundle('ru', ru) },
  lng: startLocale,
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = startLocale;

export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Switches the interface (and remembers it in this browser for the sign-in page). */
export async function setLocale(locale: TLocale): Promise<void> {
  localStorage.setItem(STORED, locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}
