import type { TConfig } from '../../src/platform/config';
import { type Client, PASSWORD, seedTenant, signIn, testApp } from './app';

/** A small organisation: region → branch → two teams, made through the API by an administrator. */
export async function buildOrg(admin: Client) {
  const roles = (await admin.get('/roles')).body.items as { id: string; key: string | null }[];
  const role = (key: string) => roles.find((r) => r.key === key)!.id;
  const unit = async (body: Record<string, unknown>) => {
    const res = await admin.post('/units', body);
    if (res.status !== 201) throw new Error(`unit: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const region = await unit({ kind: 'region', name: 'Region Nord' });
  const branch = await unit({ kind: 'branch', branchKind: 'own', name: 'Filiale Hamburg', parentId: region });
  const teamA = await unit({ kind: 'team', name: 'Team Alster', parentId: branch });
  const teamB = await unit({ kind: 'team', name: 'Team Elbe', parentId: branch });
  const user = async (email: string, roleKey: string, unitId: string | null) => {
    const res = await admin.post('/users', {
      email,
      password: PASSWORD,
      roleIds: [role(roleKey)],
      unitId,
      displayName: email.split('@')[0],
    });
    if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  return {
    role,
    units: { region, branch, teamA, teamB },
    users: {
      lead: await user('lead@acme.test', 'unit_lead', branch),
      anna: await user('anna@acme.test', 'advisor', teamA),
      ben: await user('ben@acme.test', 'advisor', teamA),
      clara: await user('clara@acme.test', 'advisor', teamB),
      assistant: await user('assi@acme.test', 'assistant', teamA),
      auditor: await user('auditor@acme.test', 'auditor', null),
    },
  };
}

/** A test app with the tenant `acme`, its administrator signed in, and the organisation above. */
export async function acmeWithOrg(overrides: Partial<TConfig> = {}) {
  const t = await testApp(overrides);
  const { tenant } = await seedTenant(t, 'acme');
  const admin = await signIn(t, 'acme', 'boss@acme.test');
  return { t, admin, tenantId: tenant.id, org: await buildOrg(admin) };
}
