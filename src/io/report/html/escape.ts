/** Text into HTML: the five characters that could open markup or end an attribute. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A tagged template whose interpolations are escaped, unless wrapped in `raw()`. */
export interface RawHtml {
  readonly html: string;
}
export const raw = (html: string): RawHtml => ({ html });

export function html(strings: TemplateStringsArray, ...values: (string | number | RawHtml | readonly RawHtml[])[]): RawHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    if (typeof value === 'string') out += escapeHtml(value);
    else if (typeof value === 'number') out += String(value);
    else if (Array.isArray(value)) out += (value as readonly RawHtml[]).map((part) => part.html).join('');
    else out += (value as RawHtml).html;
    out += strings[index + 1]!;
  });
  return raw(out);
}
