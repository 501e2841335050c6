// Reports what a browser loads first: the entry chunk and every chunk it imports statically,
// gzipped, and fails the build above the budget (issue 5: 250 KB). Routes load the rest on demand.
import zlib from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

export function bundleReport(budgetKb: number): Plugin {
  return {
    name: 'kontor-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle: OutputBundle) {
      const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const first = new Set<string>();
      const visit = (name: string) => {
        if (first.has(name)) return;
        first.add(name);
        for (const dep of byName.get(name)?.imports ?? []) visit(dep);
      };
      for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
      const gz = (c: OutputChunk) => zlib.gzipSync(c.code, { level: 9 }).length;
      const firstKb = [...first].reduce((sum, n) => sum + gz(byName.get(n)!), 0) / 1024;
      const lazyKb = chunks.filter((c) => !first.has(c.fileName)).reduce((s, c) => s + gz(c), 0) / 1024;
      const line = `first load: ${firstKb.toFixed(1)} KB of JavaScript gzipped (budget ${budgetKb} KB), ${first.size} chunk(s); loaded by route: ${lazyKb.toFixed(1)} KB`;
      this.info(line);
      console.log(`\n${line}`);
      if (firstKb > budgetKb) this.error(`the first load is over its budget: ${line}`);
    },
  };
}
