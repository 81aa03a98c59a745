// The expert application form. Mirrors apply_as_expert's checks so most mistakes are shown next to
// their field; the server still has the last word and its 22023 messages are shown too.
// Typed text becomes what the RPC takes: a specialties list, integers, and the rate in minor units.
import { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { CURRENCIES, minorToMajorText, parseMajorAmount } from '../lib/money.ts';
import { hasContactDetails } from './contact-details.ts';

const key = (error: MessageKey) => ({ error });

export const DEFAULT_SERVICE_RADIUS_KM = 25;

const noContactDetails = [(text: string) => !hasContactDetails(text), key('validation.noContactDetails')] as const;

/** "Leak detection, boilers , ,Leak detection" → ["Leak detection", "boilers"]. */
export function splitSpecialties(text: string): string[] {
  return [...new Set(text.split(',').map((part) => part.trim()))].filter((part) => part !== '');
}

export const expertApplicationSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(2, key('validation.displayNameLength'))
    .max(80, key('validation.displayNameLength'))
    .refine(...noContactDetails),
  headline: z
    .string()
    .trim()
    .max(120, key('validation.headlineTooLong'))
    .refine(...noContactDetails),
  bio: z
    .string()
    .trim()
    .min(1, key('validation.bioRequired'))
    .max(4000, key('validation.bioTooLong'))
    .refine(...noContactDetails),
  categories: z.array(z.string()).min(1, key('validation.categoriesCount')).max(10, key('validation.categoriesCount')),
  specialties: z
    .string()
    .transform(splitSpecialties)
    .refine((list) => list.length <= 20 && list.every((item) => item.length <= 60), key('validation.specialtiesLimits'))
    .refine((list) => !list.some(hasContactDetails), key('validation.noContactDetails')),
  languages: z.array(z.string()).max(10, key('validation.languagesTooMany')),
  city: z.string().min(1, key('validation.cityRequired')),
  serviceRadiusKm: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, key('validation.radiusRange'))
    .transform(Number)
    .refine((km) => km <= 500, key('validation.radiusRange')),
  hourlyRate: z
    .string()
    .trim()
    .refine((text) => text === '' || parseMajorAmount(text) !== null, key('validation.rateInvalid'))
    .transform((text) => (text === '' ? null : parseMajorAmount(text))),
  currency: z.string().pipe(z.enum(CURRENCIES, key('validation.currencyInvalid'))),
});

export type ExpertApplicationValues = z.input<typeof expertApplicationSchema>;
export type ExpertApplication = z.output<typeof expertApplicationSchema>;

interface SavedApplication {
  display_name: string;
  headline: string | null;
  bio: string;
  specialties: string[];
  languages: string[];
  city: string;
  service_radius_km: number;
  hourly_rate: number | null;
  currency: string;
}

/** The form's starting values: the saved application, or a blank one carrying the profile's name. */
export function applicationFormValues(saved: SavedApplication | null, categories: readonly string[], profileName: string): ExpertApplicationValues {
  if (!saved) {
    return {
      displayName: profileName,
      headline: '',
      bio: '',
      categories: [],
      specialties: '',
      languages: [],
      city: '',
      serviceRadiusKm: String(DEFAULT_SERVICE_RADIUS_KM),
      hourlyRate: '',
      currency: 'ILS',
    };
  }
  return {
    displayName: saved.display_name,
    headline: saved.headline ?? '',
    bio: saved.bio,
    categories: [...categories],
    specialties: saved.specialties.join(', '),
    languages: [...saved.languages],
    city: saved.city,
    serviceRadiusKm: String(saved.service_radius_km),
    hourlyRate: saved.hourly_rate === null ? '' : minorToMajorText(saved.hourly_rate),
    currency: saved.currency,
  };
}
