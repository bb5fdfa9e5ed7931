/**
 * Console languages: Vietnamese by default, English on request. The choice is kept in the
 * `posa_lang` cookie (a display preference, nothing else).
 */
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const LANGUAGE_COOKIE = 'posa_lang';

export const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The translator of a language; `{name}` placeholders take `params`. */
export function translator(lang: Language): Translate {
  const dict = dictionaries[lang];
  return (key, params) => {
    const text = dict[key];
    if (params === undefined) return text;
    return text.replace(/\{([a-z_]+)\}/gi, (whole, name: string) => params[name] ?? whole);
  };
}

/** True when `key` names a message (for keys built at run time, e.g. `role.${role}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

/** The language of a request's cookie header, else the default. */
export function languageFromCookies(cookies: Record<string, string | undefined>): Language {
  const chosen = cookies[LANGUAGE_COOKIE];
  return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
}
