import type { FactorKind } from '../factors/kinds.js';
import type { FactorRegistry } from '../factors/registry.js';
import type { FactorTable } from '../factors/table.js';
import { UsageError } from '../usage-error.js';
import type { FactorSelection } from './factors-for-calc.js';

// defined in usage-error.ts; re-exported here for branches that still import it from this file

export interface FactorChoice {
  /** table refs (id or id@version) already in the registry, one per kind at most */
  factors?: string[] | undefined;
  /** GWP set: sar, ar4, ar5, ar6 */
  gwp?: string | undefined;
}

/**
 * Picks one table per kind: the user's where given, else the registry's default. Grid tables are
 * all candidates (chosen by year later) unless the user named one.
 */
export function selectFactors(registry: FactorRegistry, choice: FactorChoice): FactorSelection {
  const chosen = new Map<FactorKind, FactorTable>();
  for (const ref of choice.factors ?? []) {
    const table = registry.resolve(ref);
    const [id, version] = ref.split('@');
    const versions = registry.tables.filter((t) => t.meta.id === id).map((t) => t.meta.version);
    if (!table && version !== undefined && versions.length > 0) {
      throw new UsageError(
        `factor table ${id} has no version ${version} (versions: ${versions.join(', ')})`,
        `因子表 ${id} 没有版本 ${version}（已有版本：${versions.join(', ')}）`,
      );
    }
    if (!table) {
      const known = [...new Set(registry.tables.map((t) => t.meta.id))].sort().join(', ');
      throw new UsageError(
        `unknown factor table "${ref}" (known: ${known}); \`jinchang-carbon factors list\` shows them`,
        `未知的因子表“${ref}”（已有：${known}）；\`jinchang-carbon factors list\` 可列出全部`,
      );
    }
    if (chosen.has(table.meta.kind)) {
      throw new UsageError(
        `two ${table.meta.kind} tables given (${chosen.get(table.meta.kind)!.meta.id} and ${table.meta.id}); give one per kind`,
        `给了两个 ${table.meta.kind} 类因子表（${chosen.get(table.meta.kind)!.meta.id} 和 ${table.meta.id}），每类只能一个`,
      );
    }
    chosen.set(table.meta.kind, table);
  }
  if (choice.gwp !== undefined && !chosen.has('gwp')) {
    const table = registry.resolve(`gwp-${choice.gwp.toLowerCase()}`);
    if (!table) {
      const sets = registry.ofKind('gwp').map((t) => t.meta.id.replace(/^gwp-/, '')).sort().join(', ');
      throw new UsageError(`unknown GWP set "${choice.gwp}" (known: ${sets})`, `未知的 GWP 值组“${choice.gwp}”（可选：${sets}）`);
    }
    chosen.set('gwp', table);
  }
  const pick = (kind: FactorKind): FactorTable => {
    const table = chosen.get(kind) ?? registry.defaultFor(kind);
    if (!table) {
      throw new UsageError(`no ${kind} factor table is available`, `没有可用的 ${kind} 类因子表`);
    }
    return table;
  };
  const optional = (kind: FactorKind) => chosen.get(kind) ?? registry.defaultFor(kind);
  const userGrid = chosen.get('grid');
  return {
    standardCoal: pick('standard-coal'),
    combustion: pick('combustion'),
    heat: pick('heat'),
    gwp: pick('gwp'),
    nonCo2: optional('non-co2'),
    mobileNonCo2: optional('mobile-non-co2'),
    grid: userGrid ? [userGrid] : registry.ofKind('grid').filter((t) => t.meta.status !== 'historical'),
    powerCoalRate: optional('power-coal-rate'),
    process: optional('process'),
  };
}
