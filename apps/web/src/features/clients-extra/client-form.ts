// A client's master data as form text and back to the request bodies the server checks
// (ZCreateClient, ZUpdateClient in @kontor/contracts). The first e-mail and phone are edited here;
// others the client has stay as they are. `emails`/`phones` hold the text of that first one: the
// names match the body's paths, so the schema's problems (emails.0.address) show beside them.
import { customToBody, customToInput, type TCustomInput } from '../cases/custom-values';
import type { TCustomField } from './fields';

export type TClientValues = {
  kind: 'person' | 'company';
  firstName: string;
  lastName: string;
  companyName: string;
  emails: string;
  phones: string;
  status: string;
  clientType: string;
  source: string;
  custom: TCustomInput;
};

/** The client as the edit form reads it (GET /clients/{id}). */
export type TClientMaster = {
  kind: 'person' | 'company';
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  status: string;
  clientType: string;
  source: string | null;
  emails: { address: string; label: string }[];
  phones: { number: string; label: string }[];
  custom: Record<string, unknown>;
};

const CURRENCY = 'EUR';

export function emptyValues(defs: TCustomField[], locale: string): TClientValues {
  return {
    kind: 'person',
    firstName: '',
    lastName: '',
    companyName: '',
    emails: '',
    phones: '',
    status: 'new',
    clientType: '',
    source: '',
    custom: customToInput(defs, {}, locale),
  };
}

export function valuesOf(c: TClientMaster, defs: TCustomField[], locale: string): TClientValues {
  return {
    kind: c.kind,
    firstName: c.firstName ?? '',
    lastName: c.lastName ?? '',
    companyName: c.companyName ?? '',
    emails: c.emails[0]?.address ?? '',
    phones: c.phones[0]?.number ?? '',
    status: c.status,
    clientType: c.clientType,
    source: c.source ?? '',
    custom: customToInput(defs, c.custom, locale),
  };
}

function customOf(v: TClientValues, defs: TCustomField[], locale: string) {
  return defs.length > 0 ? { custom: customToBody(defs, v.custom, locale, CURRENCY) } : {};
}

export function createBody(v: TClientValues, defs: TCustomField[], locale: string) {
  const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  const common = {
    ...(v.emails.trim() ? { emails: [{ address: v.emails.trim() }] } : {}),
    ...(v.phones.trim() ? { phones: [{ number: v.phones.trim() }] } : {}),
    status: v.status,
    ...optional('clientType', v.clientType),
    ...optional('source', v.source),
    ...customOf(v, defs, locale),
  };
  return v.kind === 'person'
    ? { kind: 'person', lastName: v.lastName.trim(), ...optional('firstName', v.firstName), ...common }
    : { kind: 'company', companyName: v.companyName.trim(), ...common };
}

// The first contact replaced (or dropped when emptied); the others sent back unchanged, since a
// list sent replaces the old one.
function firstReplaced<T extends { label: string }>(list: T[], text: string, make: (s: string) => T) {
  const rest = list.slice(1);
  return text.trim() ? [{ ...make(text.trim()), label: list[0]?.label ?? '' }, ...rest] : rest;
}

export function updateBody(v: TClientValues, c: TClientMaster, defs: TCustomField[], locale: string) {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    ...(c.kind === 'person'
      ? { firstName: orNull(v.firstName), lastName: v.lastName.trim() }
      : { companyName: v.companyName.trim() }),
    emails: firstReplaced(
      c.emails.map((e) => ({ address: e.address, label: e.label })),
      v.emails,
      (address) => ({ address, label: '' }),
    ),
    phones: firstReplaced(
      c.phones.map((p) => ({ number: p.number, label: p.label })),
      v.phones,
      (number) => ({ number, label: '' }),
    ),
    status: v.status,
    clientType: v.clientType,
    source: orNull(v.source),
    ...customOf(v, defs, locale),
  };
}

/** Every body path the form shows an input for (the rest go to FormError). */
export function shownFields(defs: TCustomField[]): string[] {
  return [
    'kind',
    'firstName',
    'lastName',
    'companyName',
    'address',
    'number',
    'status',
    'clientType',
    'source',
    ...defs.map((d) => `custom.${d.key}`),
  ];
}
