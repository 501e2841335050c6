// The desk's texts. English is the reference; the others are typed against it, so a missing key
// fails the type check.
import type { TWiden } from '../../i18n/en';

const en = {
  title: 'Desk',
  greeting: 'Good to see you, {{name}}.',
  tasksToday: 'Today’s tasks',
  // Plural forms as Intl.PluralRules names them; English uses one and other.
  overdue_one: '{{count}} task overdue',
  overdue_few: '{{count}} tasks overdue',
  overdue_many: '{{count}} tasks overdue',
  overdue_other: '{{count}} tasks overdue',
  noTasks: 'No tasks for today.',
  appointments: 'Today’s appointments',
  noAppointments: 'No appointments today.',
  appointmentDone: 'done',
  clientSince: 'client since {{date}}',
  openCases: 'Your open cases by stage',
  noCases: 'No open cases.',
  balance: 'Your commission balance',
  payable: 'Payable',
  heldBack: 'Held back',
  paid: 'Paid',
  recentClients: 'Recently opened clients',
  noRecent: 'Clients you open show up here.',
};
type TDesk = TWiden<typeof en>;

const de: TDesk = {
  title: 'Schreibtisch',
  greeting: 'Schön, dass Sie da sind, {{name}}.',
  tasksToday: 'Aufgaben für heute',
  overdue_one: '{{count}} Aufgabe überfällig',
  overdue_few: '{{count}} Aufgaben überfällig',
  overdue_many: '{{count}} Aufgaben überfällig',
  overdue_other: '{{count}} Aufgaben überfällig',
  noTasks: 'Heute keine Aufgaben.',
  appointments: 'Termine heute',
  noAppointments: 'Heute keine Termine.',
  appointmentDone: 'erledigt',
  clientSince: 'Kunde seit {{date}}',
  openCases: 'Ihre offenen Vorgänge nach Phase',
  noCases: 'Keine offenen Vorgänge.',
  balance: 'Ihr Provisionskonto',
  payable: 'Auszahlbar',
  heldBack: 'Einbehalten',
  paid: 'Ausgezahlt',
  recentClients: 'Zuletzt geöffnete Kunden',
  noRecent: 'Kunden, die Sie öffnen, erscheinen hier.',
};

const pl: TDesk = {
  title: 'Pulpit',
  greeting: 'Miło Cię widzieć, {{name}}.',
  tasksToday: 'Zadania na dziś',
  overdue_one: '{{count}} zadanie po terminie',
  overdue_few: '{{count}} zadania po terminie',
  overdue_many: '{{count}} zadań po terminie',
  overdue_other: '{{count}} zadania po terminie',
  noTasks: 'Brak zadań na dziś.',
  appointments: 'Dzisiejsze spotkania',
  noAppointments: 'Brak spotkań na dziś.',
  appointmentDone: 'zakończone',
  clientSince: 'klient od {{date}}',
  openCases: 'Twoje otwarte sprawy według etapu',
  noCases: 'Brak otwartych spraw.',
  balance: 'Twoje saldo prowizji',
  payable: 'Do wypłaty',
  heldBack: 'Zatrzymane',
  paid: 'Wypłacone',
  recentClients: 'Ostatnio otwierani klienci',
  noRecent: 'Tu pojawią się klienci, których otworzysz.',
};

const ru: TDesk = {
  title: 'Рабочий стол',
  greeting: 'Рады вас видеть, {{name}}.',
  tasksToday: 'Задачи на сегодня',
  overdue_one: '{{count}} задача просрочена',
  overdue_few: '{{count}} задачи просрочены',
  overdue_many: '{{count}} задач просрочено',
  overdue_other: '{{count}} задачи просрочено',
  noTasks: 'На сегодня задач нет.',
  appointments: 'Встречи на сегодня',
  noAppointments: 'Сегодня встреч нет.',
  appointmentDone: 'состоялась',
  clientSince: 'клиент с {{date}}',
  openCases: 'Ваши открытые сделки по этапам',
  noCases: 'Открытых сделок нет.',
  balance: 'Ваш баланс комиссий',
  payable: 'К выплате',
  heldBack: 'Удержано',
  paid: 'Выплачено',
  recentClients: 'Недавно открытые клиенты',
  noRecent: 'Здесь появятся клиенты, которых вы откроете.',
};

export const deskMessages = { de, en, pl, ru };
