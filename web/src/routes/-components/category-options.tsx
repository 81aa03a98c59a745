// The category <option>s, grouped under their top-level group. A lead belongs to one category, so
// the forms offer categories only; a filter can also offer a whole group ("Home services (all)").
import { groupCategories, localizedName } from '../../data/reference/reference-names.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

export function CategoryOptions({ withGroups = false }: { withGroups?: boolean }) {
  const t = useT();
  const { reference, locale } = useReferenceNames();
  return (
    <>
      {groupCategories(reference.categories).map(({ group, children }) => (
        <optgroup key={group.slug} label={localizedName(group, locale)}>
          {withGroups ? <option value={group.slug}>{t('directory.wholeGroup', { group: localizedName(group, locale) })}</option> : null}
          {children.map((category) => (
            <option key={category.slug} value={category.slug}>
              {localizedName(category, locale)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function CityOptions() {
  const { reference, locale } = useReferenceNames();
  return (
    <>
      {reference.cities.map((city) => (
        <option key={city.slug} value={city.slug}>
          {localizedName(city, locale)}
        </option>
      ))}
    </>
  );
}
