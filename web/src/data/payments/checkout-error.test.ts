import { FunctionsFetchError, FunctionsHttpError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { checkoutErrorMessage, readCheckoutFailure } from './checkout-error.ts';

const httpError = (status: number, body: unknown) => new FunctionsHttpError(new Response(JSON.stringify(body), { status }));

describe('readCheckoutFailure', () => {
  it('reads the status, SQLSTATE and sentence of the function’s answer', async () => {
    await expect(readCheckoutFailure(httpError(400, { error: 'this is paid and cannot be paid', code: '22023' }))).resolves.toEqual({
      status: 400,
      code: '22023',
      message: 'this is paid and cannot be paid',
    });
    await expect(readCheckoutFailure(httpError(502, { error: 'the payment provider is unavailable; try again' }))).resolves.toEqual({
      status: 502,
      message: 'the payment provider is unavailable; try again',
    });
  });

  it('copes with an answer that is not JSON, and with no answer at all', async () => {
    await expect(readCheckoutFailure(new FunctionsHttpError(new Response('Bad gateway', { status: 502 })))).resolves.toEqual({ status: 502 });
    await expect(readCheckoutFailure(new FunctionsFetchError(new TypeError('Failed to fetch')))).resolves.toEqual({ status: null });
  });
});

describe('checkoutErrorMessage', () => {
  it('says why a payable cannot be paid, in the database’s terms', () => {
    expect(checkoutErrorMessage({ status: 400, code: '22023', message: 'this is paid and cannot be paid' })).toEqual({ key: 'dbError.alreadyPaid' });
    expect(checkoutErrorMessage({ status: 400, code: '22023', message: 'this is cancelled and cannot be paid' })).toEqual({
      key: 'dbError.notPayable',
    });
  });

  it('tells the payer apart from everyone else, and Stripe being down from the rest', () => {
    expect(checkoutErrorMessage({ status: 403, code: '42501', message: 'only the payer pays this' })).toEqual({ key: 'payment.notPayer' });
    expect(checkoutErrorMessage({ status: 502 })).toEqual({ key: 'payment.providerUnavailable' });
    expect(checkoutErrorMessage({ status: 401 })).toEqual({ key: 'authError.sessionExpired' });
    expect(checkoutErrorMessage({ status: null })).toEqual({ key: 'authError.network' });
    expect(checkoutErrorMessage({ status: 500 })).toEqual({ key: 'dbError.unknown' });
  });
});
