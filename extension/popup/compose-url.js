// Where "Write follow-up" sends the user: a webmail compose address with the draft in it. Pure.

// Each preferred-webmail setting, its label in the options, and how to build its compose address.
export const WEBMAILS = {
  gmail: {
    label: 'Gmail',
    build: (to, subject, body) => query('https://mail.google.com/mail/', { view: 'cm', fs: '1', to, su: subject, body }),
  },
  outlook: {
    label: 'Outlook.com',
    build: (to, subject, body) => query('https://outlook.live.com/mail/0/deeplink/compose', { to, subject, body }),
  },
  office: {
    label: 'Outlook (work or school, office.com)',
    build: (to, subject, body) => query('https://outlook.office.com/mail/deeplink/compose', { to, subject, body }),
  },
  mailto: {
    label: 'My e-mail app (mailto:)',
    build: mailtoUrl,
  },
};

export const DEFAULT_WEBMAIL = 'gmail';

/** The compose address for `webmail` (unknown names fall back to mailto:). */
export function composeUrl(webmail, { to = '', subject = '', body = '' }) {
  const target = WEBMAILS[webmail] || WEBMAILS.mailto;
  return target.build(to || '', subject || '', body || '');
}

function query(base, params) {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

// RFC 6068: percent-encode everything (URLSearchParams would turn spaces into "+"),
// and line breaks as CRLF, which mail clients expect.
function mailtoUrl(to, subject, body) {
  const encode = (text) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encode(subject)}&body=${encode(body)}`;
}
