// The database refuses public profile text that contains an email address or a phone number
// (private.has_contact_details), so contact details cannot leak through the directory. The same
// patterns here let the form say so next to the field instead of after a round trip.
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/i;
/** Starts with + or 0, then nine or more digits in all, separated by up to two spaces, dots, dashes or parentheses. */
const PHONE = /(^|[^0-9+])(\+ ?[0-9]|0)([ ().-]{0,2}[0-9]){8,}/;
/** Nine digits in a row, however they start. */
const DIGITS = /[0-9]{9,}/;

export function hasContactDetails(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text) || DIGITS.test(text);
}
