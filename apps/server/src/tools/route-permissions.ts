type TDoc = { paths?: Record<string, Record<string, { 'x-permission'?: string }>> };

/** The table route → permission, one line per operation, sorted: reviewed as a diff. */
export function routePermissionTable(document: unknown): string {
  const doc = document as TDoc;
  const lines: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      lines.push(`${method.toUpperCase().padEnd(7)} /api/v1${path}  ${op['x-permission'] ?? 'MISSING'}`);
    }
  }
  return `${lines.sort().join('\n')}\n`;
}
