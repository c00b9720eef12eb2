/**
 * A mailto: link from a record's contact email, built from the address alone. Record text is data: an
 * "email" such as `x@y.org?cc=a@b&body=…` or with %-escapes, spaces or a second address must not
 * become a link that pre-fills other recipients or a message (issue 19). Anything that is not one
 * plain address gets no link (the page still shows the text).
 */
const ADDRESS = /^([A-Za-z0-9!#$'*+\-/=^_`{|}~.]{1,64})@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/;

export function mailtoHref(email: string | null | undefined): string | null {
  const address = email?.trim() ?? "";
  if (address.length > 254) return null;
  const m = ADDRESS.exec(address);
  if (!m) return null;
  // RFC 6068: characters of the local part that mean something in a URL are percent-encoded.
  return `mailto:${encodeURIComponent(m[1]!)}@${m[2]!}`;
}
