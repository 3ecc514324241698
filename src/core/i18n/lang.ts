export type Lang = 'zh' | 'en';

/** zh when the locale says Chinese (LC_ALL, LC_MESSAGES, LANG in that order), else en. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
