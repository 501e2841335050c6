// The column headings of the client export in the user's language; the values themselves (status,
// type, source) stay the API's stable codes, so that a spreadsheet can be filtered on them in any
// language and imported back.
import type { TLocale } from '@kontor/contracts';

type THeaders = { columns: string[]; yesNo: [string, string] };

export const EXPORT_HEADERS: Record<TLocale, THeaders> = {
  en: {
    columns: [
      'Number',
      'Name',
      'Type',
      'Status',
      'Source',
      'Owner',
      'Unit',
      'E-mail',
      'Phone',
      'City',
      'Tags',
      'Created',
    ],
    yesNo: ['yes', 'no'],
  },
  de: {
    columns: [
      'Nummer',
      'Name',
      'Typ',
      'Status',
      'Quelle',
      'Betreuer',
      'Einheit',
      'E-Mail',
      'Telefon',
      'Ort',
      'Schlagwörter',
      'Angelegt',
    ],
    yesNo: ['ja', 'nein'],
  },
  pl: {
    columns: [
      'Numer',
      'Nazwa',
      'Typ',
      'Status',
      'Źródło',
      'Opiekun',
      'Jednostka',
      'E-mail',
      'Telefon',
      'Miejscowość',
      'Tagi',
      'Utworzono',
    ],
    yesNo: ['tak', 'nie'],
  },
  ru: {
    columns: [
      'Номер',
      'Имя',
      'Тип',
      'Статус',
      'Источник',
      'Ответственный',
      'Подразделение',
      'E-mail',
      'Телефон',
      'Город',
      'Теги',
      'Создан',
    ],
    yesNo: ['да', 'нет'],
  },
};
