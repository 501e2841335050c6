// The entry of a statement render thread. Kontor runs its TypeScript through tsx, and a worker
// thread starts without the loader its parent registered, so it registers it again.
import { register } from 'tsx/esm/api';

register();
await import('./statement-render-thread.ts');
