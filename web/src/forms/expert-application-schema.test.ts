import { describe, expect, it } from 'vitest';
import { applicationFormValues, expertApplicationSchema, splitSpecialties, type ExpertApplicationValues } from './expert-application-schema.ts';
import { validate } from './field-errors.ts';

const good: ExpertApplicationValues = {
  displayName: '  Dana Levi ',
  headline: 'Licensed electrician',
  bio: 'Wiring, panels and smart homes.',
  categories: ['electrical'],
  specialties: 'Smart homes, panels , , Smart homes',
  languages: ['he', 'en'],
  city: 'haifa',
  serviceRadiusKm: '40',
  hourlyRate: '250.50',
  currency: 'ILS',
};

describe('expert application schema', () => {
  it('turns the typed text into what apply_as_expert takes', () => {
    expect(validate(expertApplicationSchema, good)).toEqual({
      ok: true,
      data: {
        displayName: 'Dana Levi',
        headline: 'Licensed electrician',
        bio: 'Wiring, panels and smart homes.',
        categories: ['electrical'],
        specialties: ['Smart homes', 'panels'],
        languages: ['he', 'en'],
        city: 'haifa',
        serviceRadiusKm: 40,
        hourlyRate: 25050,
        currency: 'ILS',
      },
    });
  });

  it('leaves out an empty rate instead of sending zero', () => {
    const result = validate(expertApplicationSchema, { ...good, hourlyRate: ' ' });
    expect(result.ok && result.data.hourlyRate).toBeNull();
  });

  it('reports one message key per field, as the server would refuse them', () => {
    const result = validate(expertApplicationSchema, {
      displayName: 'D',
      headline: 'x'.repeat(121),
      bio: '   ',
      categories: [],
      specialties: 'y'.repeat(61),
      languages: [],
      city: '',
      serviceRadiusKm: '501',
      hourlyRate: '12.345',
      currency: 'GBP',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        displayName: 'validation.displayNameLength',
        headline: 'validation.headlineTooLong',
        bio: 'validation.bioRequired',
        categories: 'validation.categoriesCount',
        specialties: 'validation.specialtiesLimits',
        city: 'validation.cityRequired',
        serviceRadiusKm: 'validation.radiusRange',
        hourlyRate: 'validation.rateInvalid',
        currency: 'validation.currencyInvalid',
      },
    });
  });

  it('refuses contact details in any public text field', () => {
    const result = validate(expertApplicationSchema, {
      ...good,
      headline: 'Call 052-123-4567',
      bio: 'Mail me at dana@example.com',
      specialties: 'Panels, +972 52 123 4567',
    });
    expect(result.ok || result.errors).toEqual({
      headline: 'validation.noContactDetails',
      bio: 'validation.noContactDetails',
      specialties: 'validation.noContactDetails',
    });
  });

  it.each(['-1', '2.5', 'ten', ''])('refuses the radius %j', (serviceRadiusKm) => {
    expect(validate(expertApplicationSchema, { ...good, serviceRadiusKm }).ok).toBe(false);
  });

  it('accepts the bounds the server accepts', () => {
    expect(validate(expertApplicationSchema, { ...good, serviceRadiusKm: '0', hourlyRate: '0' }).ok).toBe(true);
    expect(validate(expertApplicationSchema, { ...good, serviceRadiusKm: '500', hourlyRate: '1000000' }).ok).toBe(true);
    expect(validate(expertApplicationSchema, { ...good, categories: Array.from({ length: 11 }, (_, i) => `c${i}`) }).ok).toBe(false);
  });
});

describe('splitSpecialties', () => {
  it('splits on commas, trims, drops blanks and repeats, keeping the first order', () => {
    expect(splitSpecialties(' b, a ,, b,c ')).toEqual(['b', 'a', 'c']);
    expect(splitSpecialties('')).toEqual([]);
  });
});

describe('applicationFormValues', () => {
  it('starts a new application blank, with the profile name and the default radius', () => {
    const values = applicationFormValues(null, [], 'Dana');
    expect(values).toMatchObject({ displayName: 'Dana', serviceRadiusKm: '25', hourlyRate: '', currency: 'ILS', categories: [] });
    expect(validate(expertApplicationSchema, values).ok).toBe(false);
  });

  it('prefills a saved application so that submitting it unchanged sends the same values', () => {
    const saved = {
      display_name: 'Dana Levi',
      headline: null,
      bio: 'Wiring.',
      specialties: ['Smart homes', 'Panels'],
      languages: ['he'],
      city: 'haifa',
      service_radius_km: 40,
      hourly_rate: 25050,
      currency: 'USD',
    };
    const values = applicationFormValues(saved, ['electrical'], 'ignored');
    expect(values).toMatchObject({ headline: '', specialties: 'Smart homes, Panels', hourlyRate: '250.50', serviceRadiusKm: '40' });
    const result = validate(expertApplicationSchema, values);
    expect(result.ok && result.data).toMatchObject({
      specialties: saved.specialties,
      hourlyRate: 25050,
      serviceRadiusKm: 40,
      categories: ['electrical'],
    });
  });
});
