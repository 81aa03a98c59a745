// The lead board's filters. Selects apply as soon as they change; the budget range applies with its
// button, so results do not jump while a number is being typed. Everything lives in the URL.
// Empty choices mean the expert's defaults: their own categories, their own service radius.
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider.tsx';
import { BOARD_DISTANCES, boardSearchSchema, budgetFieldText, budgetSearchValue, type BoardSearch } from '../../lib/board-search-schema.ts';
import { CategoryOptions } from './category-options.tsx';

interface BoardFiltersProps {
  search: BoardSearch;
  radiusKm: number;
  onChange: (search: BoardSearch) => void;
}

export function BoardFilters({ search, radiusKm, onChange }: BoardFiltersProps) {
  const t = useT();
  const id = useId();
  const set = (patch: Partial<Record<keyof BoardSearch, unknown>>) => onChange(boardSearchSchema.parse({ ...search, ...patch }));
  const hasFilters = Object.values(search).some((value) => value !== undefined);

  return (
    <div className="board-filters" role="search" aria-label={t('board.filters')}>
      <div className="board-filter-selects">
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('directory.category')}</label>
          <select id={`${id}-category`} value={search.category ?? ''} onChange={(event) => set({ category: event.target.value || undefined })}>
            <option value="">{t('board.myCategories')}</option>
            <CategoryOptions withGroups />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-distance`}>{t('board.distance')}</label>
          <select
            id={`${id}-distance`}
            value={search.distance === undefined ? '' : String(search.distance)}
            onChange={(event) => {
              const value = event.target.value;
              set({ distance: value === '' ? undefined : value === 'any' ? 'any' : Number(value) });
            }}
          >
            <option value="">{t('board.myRadius', { km: radiusKm })}</option>
            {BOARD_DISTANCES.map((km) => (
              <option key={km} value={String(km)}>
                {t('board.withinKm', { km })}
              </option>
            ))}
            <option value="any">{t('board.anyDistance')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('board.kind')}</label>
          <select id={`${id}-kind`} value={search.kind ?? ''} onChange={(event) => set({ kind: event.target.value || undefined })}>
            <option value="">{t('board.anyKind')}</option>
            <option value="consumer">{t('leadKind.consumer')}</option>
            <option value="referral">{t('leadKind.referral')}</option>
          </select>
        </div>
      </div>
      {/* Re-created when the URL's budgets change (e.g. "Clear filters"), so the fields show them. */}
      <BudgetRange key={`${search.min}-${search.max}`} search={search} onApply={(min, max) => set({ min, max })} />
      {hasFilters ? (
        <button type="button" className="button button-quiet" onClick={() => onChange({})}>
          {t('directory.clear')}
        </button>
      ) : null}
    </div>
  );
}

function BudgetRange({ search, onApply }: { search: BoardSearch; onApply: (min: number | undefined, max: number | undefined) => void }) {
  const t = useT();
  const id = useId();
  const [min, setMin] = useState(budgetFieldText(search.min));
  const [max, setMax] = useState(budgetFieldText(search.max));
  const [tried, setTried] = useState(false);
  const minValue = budgetSearchValue(min);
  const maxValue = budgetSearchValue(max);
  const minError = tried && minValue === null;
  const maxError = tried && maxValue === null;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (minValue === null || maxValue === null) return;
    onApply(minValue, maxValue);
  };

  return (
    <form noValidate className="budget-range" aria-label={t('board.budgetRange')} onSubmit={apply}>
      <div className="field">
        <label htmlFor={`${id}-min`}>{t('board.minBudget')}</label>
        <input
          id={`${id}-min`}
          inputMode="decimal"
          dir="auto"
          value={min}
          aria-invalid={minError}
          aria-describedby={minError ? `${id}-min-error` : undefined}
          onChange={(event) => setMin(event.target.value)}
        />
        {minError ? (
          <p id={`${id}-min-error`} className="field-error" role="alert">
            {t('validation.budgetInvalid')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-max`}>{t('board.maxBudget')}</label>
        <input
          id={`${id}-max`}
          inputMode="decimal"
          dir="auto"
          value={max}
          aria-invalid={maxError}
          aria-describedby={maxError ? `${id}-max-error` : undefined}
          onChange={(event) => setMax(event.target.value)}
        />
        {maxError ? (
          <p id={`${id}-max-error`} className="field-error" role="alert">
            {t('validation.budgetInvalid')}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button">
        {t('board.applyBudget')}
      </button>
    </form>
  );
}
