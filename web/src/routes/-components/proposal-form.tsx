// An expert's proposal form: new (submit_proposal) or editing their live one (update_proposal).
// The price is typed in the lead's currency, in major units; the date is optional and not in the past.
import { useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import type { Proposal } from '../../data/leads/lead-types.ts';
import { useSubmitProposalMutation, useUpdateProposalMutation } from '../../data/leads/proposal-mutations.ts';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { localDateText, proposalFormValues, proposalSchema, type ProposalInput } from '../../forms/proposal-schema.ts';
import { TextField } from '../../forms/text-field.tsx';
import { TextareaField } from '../../forms/textarea-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

interface ProposalFormProps {
  currency: string;
  saved: Proposal | null;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (input: ProposalInput) => void;
  onCancel?: () => void;
}

function ProposalForm({ currency, saved, pending, error, submitLabel, onSubmit, onCancel }: ProposalFormProps) {
  const t = useT();
  // The schema is made once per form: "today" is when the form opened.
  const [schema] = useState(() => proposalSchema(localDateText(new Date())));
  const form = useZodForm(schema, proposalFormValues(saved));
  const message = error ? databaseErrorMessage(error) : null;
  return (
    <form noValidate className="proposal-form" onSubmit={form.handleSubmit(onSubmit)}>
      <FormError>{message ? t(message.key, message.values) : null}</FormError>
      <fieldset className="form-fields" disabled={pending}>
        <TextField label={t('proposal.priceField', { currency })} hint={t('proposal.priceHint')} inputMode="decimal" binding={form.field('price')} />
        <TextareaField label={t('proposal.messageField')} hint={t('proposal.messageHint')} binding={form.field('message')} rows={4} />
        <TextField
          label={t('proposal.dateField')}
          // update_proposal keeps a saved date when none is sent, so a given date can change but not go away.
          hint={saved?.proposed_date ? t('proposal.dateHintSaved') : t('proposal.dateHint')}
          type="date"
          binding={form.field('proposedDate')}
        />
      </fieldset>
      <div className="form-buttons">
        <SubmitButton pending={pending} label={submitLabel} pendingLabel={t('proposal.sending')} />
        {onCancel ? (
          <button type="button" className="button" disabled={pending} onClick={onCancel}>
            {t('proposal.cancelEdit')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function NewProposalForm({ leadId, currency }: { leadId: string; currency: string }) {
  const t = useT();
  const submit = useSubmitProposalMutation(leadId);
  return (
    <ProposalForm
      currency={currency}
      saved={null}
      pending={submit.isPending}
      error={submit.isError ? submit.error : null}
      submitLabel={t('proposal.submit')}
      onSubmit={(input) => submit.mutate(input)}
    />
  );
}

export function EditProposalForm({ leadId, proposal, onDone }: { leadId: string; proposal: Proposal; onDone: () => void }) {
  const t = useT();
  const update = useUpdateProposalMutation(leadId, proposal.id);
  return (
    <ProposalForm
      currency={proposal.currency}
      saved={proposal}
      pending={update.isPending}
      error={update.isError ? update.error : null}
      submitLabel={t('proposal.save')}
      onSubmit={(input) => update.mutate(input, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}
