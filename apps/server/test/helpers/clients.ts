import type { Client } from './app';

/** A person created through the API (duplicates allowed); answers its id. */
export async function newClient(
  as: Client,
  lastName: string,
  more: Record<string, unknown> = {},
): Promise<string> {
  const res = await as.post('/clients?allowDuplicate=true', { kind: 'person', lastName, ...more });
  if (res.status !== 201) throw new Error(`client: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** The actions of a record's audit trail, newest first, as `reader` sees them. */
export async function auditActions(reader: Client, entity: string, id: string): Promise<string[]> {
  return (await reader.get(`/audit?entity=${entity}&id=${id}`)).body.items.map(
    (e: { action: string }) => e.action,
  );
}
