// The payer rates the performer once the job is completed: stars, optional public text, and the
// choice to appear as first name and city only. Checked here like rate_performer checks it.
import { useRatePerformerMutation } from '../../data/reviews/rate-performer-mutation.ts';
import { STARS } from '../../data/reviews/review-types.ts';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { CheckboxOption } from '../../forms/checkbox-group.tsx';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { RadioGroup, RadioOption } from '../../forms/radio-group.tsx';
import { FIRST_NAME_AND_CITY_ONLY, emptyReview, reviewInput, reviewSchema } from '../../forms/review-schema.ts';
import { TextareaField } from '../../forms/textarea-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

export function RatingForm({ leadId, performerName, onRated }: { leadId: string; performerName: string; onRated: () => void }) {
  const t = useT();
  const form = useZodForm(reviewSchema, emptyReview);
  const rate = useRatePerformerMutation(leadId);
  const error = rate.isError ? databaseErrorMessage(rate.error) : null;
  const stars = form.field('stars');

  return (
    <form noValidate className="rating-form" onSubmit={form.handleSubmit((output) => rate.mutate(reviewInput(output), { onSuccess: onRated }))}>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <fieldset className="form-fields" disabled={rate.isPending}>
        <RadioGroup legend={t('review.stars', { name: performerName })} binding={stars}>
          <div className="star-options">
            {STARS.map((count) => (
              <RadioOption
                key={count}
                binding={stars}
                value={String(count)}
                label={count === 1 ? t('review.oneStar') : t('review.manyStars', { count })}
              />
            ))}
          </div>
        </RadioGroup>
        <TextareaField label={t('review.body')} hint={t('review.bodyHint')} binding={form.field('body')} rows={4} />
        <CheckboxOption binding={form.choices('privacy')} value={FIRST_NAME_AND_CITY_ONLY} label={t('review.firstNameOnly')} />
      </fieldset>
      <div className="form-buttons">
        <SubmitButton pending={rate.isPending} label={t('review.submit')} pendingLabel={t('review.sending')} />
      </div>
    </form>
  );
}
