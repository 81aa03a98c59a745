// A field's hint and inline error, with the ids that field-description.ts hands to aria-describedby.
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/i18n-provider.tsx';

export function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  if (!hint) return null;
  return (
    <p id={id} className="field-hint">
      {hint}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error: MessageKey | undefined }) {
  const t = useT();
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {t(error)}
    </p>
  );
}
