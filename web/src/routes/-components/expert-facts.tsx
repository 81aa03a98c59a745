// What a customer needs to know about an expert at a glance, as a description list: where, which
// categories, which languages, the rate. The full form (profile page, review queue) adds the
// service area and specialties. Names come from the reference tables in the reader's language.
import { sortByTaxonomy } from '../../data/reference/reference-names.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { categorySlugs, type ExpertWithCategories } from '../../data/experts/expert-types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';

export function ExpertFacts({ expert, full = false }: { expert: ExpertWithCategories; full?: boolean }) {
  const t = useT();
  const names = useReferenceNames();
  const list = new Intl.ListFormat(names.locale, { type: 'conjunction' });
  const categories = sortByTaxonomy(categorySlugs(expert), names.reference.categories);
  const city = names.city(expert.city);

  return (
    <dl className="details expert-facts">
      <dt>{t('expert.location')}</dt>
      <dd data-testid="expert-city">{city}</dd>
      {full ? (
        <>
          <dt>{t('expert.serviceArea')}</dt>
          <dd>{t('expert.serviceAreaValue', { km: expert.service_radius_km, city })}</dd>
        </>
      ) : null}
      <dt>{t('expert.categories')}</dt>
      <dd>
        <ul className="tags" data-testid="expert-categories">
          {categories.map((slug) => (
            <li key={slug}>{names.category(slug)}</li>
          ))}
        </ul>
      </dd>
      {expert.languages.length > 0 ? (
        <>
          <dt>{t('expert.languages')}</dt>
          <dd>{list.format(expert.languages.map(names.language))}</dd>
        </>
      ) : null}
      {full && expert.specialties.length > 0 ? (
        <>
          <dt>{t('expert.specialties')}</dt>
          <dd>
            <bdi>{list.format(expert.specialties)}</bdi>
          </dd>
        </>
      ) : null}
      <dt>{t('expert.hourlyRate')}</dt>
      <dd data-testid="expert-rate">
        {expert.hourly_rate === null
          ? t('expert.noRate')
          : t('expert.ratePerHour', { amount: formatMinorAmount(expert.hourly_rate, expert.currency, names.locale) })}
      </dd>
    </dl>
  );
}
