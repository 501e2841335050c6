// Inputs for the tenant's custom fields of a case, one per definition, by its type.
import { MultiSelect, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCustomInput } from './custom-values';
import type { TCustomField } from './types';

type TProps = {
  defs: TCustomField[];
  values: TCustomInput;
  onChange: (key: string, value: string | string[]) => void;
  error: (field: string) => string | undefined;
};

function FieldInput({
  def,
  value,
  onChange,
  error,
}: {
  def: TCustomField;
  value: string | string[];
  onChange: (value: string | string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const common = { label: def.label, required: def.required, error };
  if (def.type === 'multi_choice')
    return (
      <MultiSelect
        {...common}
        data={def.options}
        value={Array.isArray(value) ? value : []}
        onChange={onChange}
      />
    );
  const text = Array.isArray(value) ? '' : value;
  if (def.type === 'choice' || def.type === 'yes_no') {
    const options =
      def.type === 'yes_no'
        ? [
            { value: 'yes', label: t('cases.yes') },
            { value: 'no', label: t('cases.no') },
          ]
        : def.options.map((o) => ({ value: o, label: o }));
    return (
      <NativeSelect
        {...common}
        value={text}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: t('cases.notSet') }, ...options]}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={def.type === 'date' ? 'date' : 'text'}
      inputMode={def.type === 'number' || def.type === 'money' ? 'decimal' : undefined}
      value={text}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

export function CustomFieldInputs({ defs, values, onChange, error }: TProps) {
  return (
    <>
      {defs.map((d) => (
        <FieldInput
          key={d.key}
          def={d}
          value={values[d.key] ?? ''}
          onChange={(v) => onChange(d.key, v)}
          error={error(`custom.${d.key}`)}
        />
      ))}
    </>
  );
}
