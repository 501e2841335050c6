// One text input of a schema form: its value, its change and the problem to show under it.
import type { TSchemaForm } from '../../lib/form';

export function bind<V extends Record<string, unknown>, K extends keyof V & string>(
  form: TSchemaForm<V>,
  key: K,
  path: string = key,
) {
  return {
    value: String(form.values[key] ?? ''),
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value as V[K]),
    error: form.error(path),
  };
}
