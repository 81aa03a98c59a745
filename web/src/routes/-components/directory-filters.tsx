// The directory's filters. Each select applies as soon as it changes (the results below update; focus
// stays put), and the values live in the URL so a filtered list can be shared or bookmarked.
// The category select lists each group first ("Home services (all)": the group and its categories),
// then its categories.
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { groupCategories, localizedName } from '../../data/reference/reference-names.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import type { DirectoryFilter, DirectorySearch } from '../../lib/directory-search-schema.ts';

interface DirectoryFiltersProps {
  search: DirectorySearch;
  onChange: (filter: DirectoryFilter, value: string) => void;
}

export function DirectoryFilters({ search, onChange }: DirectoryFiltersProps) {
  const t = useT();
  const { reference, locale } = useReferenceNames();
  const id = useId();
  const hasFilters = Boolean(search.category || search.city || search.language);

  return (
    <form className="directory-filters" role="search" aria-label={t('directory.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('directory.category')}</label>
        <select id={`${id}-category`} value={search.category ?? ''} onChange={(event) => onChange('category', event.target.value)}>
          <option value="">{t('directory.anyCategory')}</option>
          {groupCategories(reference.categories).map(({ group, children }) => (
            <optgroup key={group.slug} label={localizedName(group, locale)}>
              <option value={group.slug}>{t('directory.wholeGroup', { group: localizedName(group, locale) })}</option>
              {children.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {localizedName(category, locale)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-city`}>{t('directory.city')}</label>
        <select id={`${id}-city`} value={search.city ?? ''} onChange={(event) => onChange('city', event.target.value)}>
          <option value="">{t('directory.anyCity')}</option>
          {reference.cities.map((city) => (
            <option key={city.slug} value={city.slug}>
              {localizedName(city, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('directory.language')}</label>
        <select id={`${id}-language`} value={search.language ?? ''} onChange={(event) => onChange('language', event.target.value)}>
          <option value="">{t('directory.anyLanguage')}</option>
          {reference.languages.map((language) => (
            <option key={language.code} value={language.code}>
              {localizedName(language, locale)}
            </option>
          ))}
        </select>
      </div>
      {hasFilters ? (
        <Link to="/experts" search={{}} className="button button-quiet directory-clear">
          {t('directory.clear')}
        </Link>
      ) : null}
    </form>
  );
}
