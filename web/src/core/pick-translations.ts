import { translations, type Translations } from './translations.ts';
import { zhTranslations } from './translations-zh.ts';

/** Interface languages, by their BCP 47 primary subtag. */
const BY_LANGUAGE: Record<string, Translations> = { en: translations, zh: zhTranslations };

/**
 * The interface strings for a reader's preferred languages (`navigator.languages`, or an
 * embedder's choice first): the first language the interface speaks wins; English when none does.
 */
export function pickTranslations(languages: readonly string[]): Translations {
  for (const tag of languages) {
    const found = BY_LANGUAGE[tag.trim().toLowerCase().split('-')[0] ?? ''];
    if (found) return found;
  }
  return translations;
}
