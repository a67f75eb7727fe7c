/**
 * Masks e-mail addresses and phone numbers in free text before it is stored or sent: shoppers
 * type them into comment boxes. A phone is 9–15 digits that starts with `+`, `0` or an area code in brackets
 * (`0912 345 678`, `+84 912345678`, `(028) 3822 1234`) or is grouped 3-3-4 (`555-123-4567`);
 * order numbers (`#1234`), prices (`1.250.000đ`, `$49.99`) and dates keep their digits.
 * One module for both sides: the survey UI masks before sending, and the collector masks again
 * before storing, since not every sender is our widget. Masking twice changes nothing.
 *
 * @example
 * maskPii('call me on 0912 345 678 or a@b.vn') // → 'call me on [phone] or [email]'
 */
export function maskPii(text: string): string {
  return String(text)
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/(^|[^#\w])(\+?\(?\d[\d\s().-]{6,}\d)/g, (all, before: string, number: string) => {
      const digits = number.replace(/\D/g, '').length
      return digits >= 9 &&
        digits <= 15 &&
        (/^(\+|0|\(\d{2,4}\))/.test(number) || /^\d{3}[\s.-]\d{3}[\s.-]\d{4}$/.test(number))
        ? before + '[phone]'
        : all
    })
}
