// The client's phone, read the way create_lead reads it (private.normalize_phone): spaces, dots,
// dashes and parentheses dropped, 00 read as +, and an Israeli number dialled locally (05x…, 03…)
// given +972. The form checks it before sending, and sends the E.164 form the database stores.
const E164 = /^\+[1-9][0-9]{7,14}$/;

export function normalizePhone(text: string): string | null {
  let digits = text.replace(/[ ().-]/g, '');
  if (/^00[1-9]/.test(digits)) digits = `+${digits.slice(2)}`;
  if (/^0[1-9][0-9]{7,8}$/.test(digits)) digits = `+972${digits.slice(1)}`;
  return E164.test(digits) ? digits : null;
}
