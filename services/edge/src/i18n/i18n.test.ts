import { ROLES } from '@posa/auth';
import { AUDIT_ACTIONS, DOMAIN_NAMES, STATUS_NAMES } from '../api/account-json';
import { dictionaries, isMessageKey, LANGUAGES, translator } from './index';

describe('console dictionaries', () => {
  const keys = (lang: (typeof LANGUAGES)[number]): string[] =>
    Object.keys(dictionaries[lang]).sort();

  it('have the same keys in every language', () => {
    for (const lang of LANGUAGES) expect(keys(lang)).toEqual(keys('vi'));
  });

  it('have a non-empty text for every key, with the same placeholders', () => {
    for (const key of keys('vi')) {
      const placeholders = (lang: (typeof LANGUAGES)[number]): string[] =>
        (
          dictionaries[lang][key as keyof (typeof dictionaries)['vi']].match(/\{[a-z_]+\}/gi) ?? []
        ).sort();
      for (const lang of LANGUAGES) {
        expect(dictionaries[lang][key as keyof (typeof dictionaries)['vi']].trim()).not.toBe('');
        expect(placeholders(lang)).toEqual(placeholders('vi'));
      }
    }
  });

  it('name every POSA role', () => {
    for (const role of ROLES) expect(isMessageKey(`role.${role}`)).toBe(true);
  });

  it('fill placeholders and keep unknown ones', () => {
    expect(translator('en')('villages.created', { code: '00004001' })).toBe(
      'Village added with code 00004001.',
    );
    expect(translator('vi')('villages.created')).toContain('{code}');
  });
});

describe('account and audit texts', () => {
  it('name every audit action, status, domain and account field', () => {
    const keys = [
      ...AUDIT_ACTIONS.map((a) => `action.${a}`),
      ...STATUS_NAMES.map((s) => `status.${s}`),
      ...DOMAIN_NAMES.map((d) => `domain.${d}`),
      ...['ministry', 'province', 'district', 'commune'].map((t) => `tier.${t}`),
      ...[
        'username',
        'display_name',
        'unit_code',
        'roles',
        'national_domain',
        'initial_password',
        'reason',
        'account_id',
        'from',
        'to',
        'actor',
        'subject',
        'action',
      ].map((f) => `field.${f}`),
    ];
    for (const key of keys) expect(isMessageKey(key)).toBe(true);
  });
});
