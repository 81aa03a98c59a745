import { describe, expect, it } from 'vitest';
import {
  clientContactSchema,
  jobRequestFormValues,
  jobRequestSchema,
  parseSharePercent,
  referralBasicsSchema,
  referralTermsSchema,
} from './lead-schema.ts';

const valid = {
  ...jobRequestFormValues('Dana Levi', ''),
  title: 'Leaking kitchen tap',
  summary: 'The tap drips all the time.',
  category: 'plumbing',
  city: 'tel-aviv',
  clientPhone: '052-123-4567',
};

const firstIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues[0];

describe('jobRequestSchema', () => {
  it('turns the typed values into what create_lead takes', () => {
    expect(jobRequestSchema.parse({ ...valid, budget: '1500.50', clientEmail: ' dana@example.com ' })).toMatchObject({
      title: 'Leaking kitchen tap',
      budget: 150050,
      currency: 'ILS',
      clientPhone: '+972521234567',
      clientEmail: 'dana@example.com',
      details: '',
    });
  });

  it('leaves the budget out when none is given', () => {
    expect(jobRequestSchema.parse(valid).budget).toBeNull();
  });

  it.each([
    [{ title: 'ab' }, 'title', 'validation.titleLength'],
    [{ title: 'x'.repeat(121) }, 'title', 'validation.titleLength'],
    [{ title: 'Call 052-123-4567 today' }, 'title', 'validation.noContactDetails'],
    [{ summary: '  ' }, 'summary', 'validation.summaryRequired'],
    [{ summary: 'x'.repeat(1001) }, 'summary', 'validation.summaryTooLong'],
    [{ summary: 'Mail me at dana@example.com' }, 'summary', 'validation.noContactDetails'],
    [{ details: 'x'.repeat(5001) }, 'details', 'validation.detailsTooLong'],
    [{ category: '' }, 'category', 'validation.categoryRequired'],
    [{ city: '' }, 'city', 'validation.jobCityRequired'],
    [{ budget: '1,500' }, 'budget', 'validation.budgetInvalid'],
    [{ currency: 'GBP' }, 'currency', 'validation.currencyInvalid'],
    [{ clientName: ' ' }, 'clientName', 'validation.clientNameRequired'],
    [{ clientPhone: '' }, 'clientPhone', 'validation.phoneRequired'],
    [{ clientPhone: '12345' }, 'clientPhone', 'validation.phoneInvalid'],
    [{ clientEmail: 'dana@' }, 'clientEmail', 'validation.emailInvalid'],
    [{ clientAddress: 'x'.repeat(301) }, 'clientAddress', 'validation.addressTooLong'],
  ])('refuses %j', (change, field, message) => {
    expect(firstIssue(jobRequestSchema.safeParse({ ...valid, ...change }))).toMatchObject({ path: [field], message });
  });

  it('lets details and the address carry contact details: they stay private', () => {
    expect(jobRequestSchema.safeParse({ ...valid, details: 'Gate code 4471, call 052-123-4567 first' }).success).toBe(true);
  });
});

describe('the referral steps', () => {
  it('require a budget, since the commission is quoted on it', () => {
    const basics = { title: valid.title, summary: valid.summary, details: '', category: 'plumbing', city: 'haifa', currency: 'ILS' };
    expect(firstIssue(referralBasicsSchema.safeParse({ ...basics, budget: '' }))).toMatchObject({ message: 'validation.budgetRequired' });
    expect(referralBasicsSchema.parse({ ...basics, budget: '1000' }).budget).toBe(100000);
  });

  it('check the client like the job request does', () => {
    const contact = { clientName: 'Ron', clientPhone: '+1 415 555 0100', clientEmail: '', clientAddress: '' };
    expect(clientContactSchema.parse(contact).clientPhone).toBe('+14155550100');
  });

  it('keep the referrer share within the fee policy', () => {
    const terms = referralTermsSchema(90);
    expect(terms.parse({ share: '20' }).share).toBe(20);
    expect(terms.parse({ share: '12.5' }).share).toBe(12.5);
    expect(terms.parse({ share: '0' }).share).toBe(0);
    for (const share of ['', '-1', '91', '20.123', 'abc', '20%']) {
      expect(terms.safeParse({ share }).success, share).toBe(false);
    }
    expect(parseSharePercent('90', 90)).toBe(90);
    expect(parseSharePercent('90', 50)).toBeNull();
  });
});
