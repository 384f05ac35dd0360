import { AppError } from '../errors';
import type { DeadlineEffects, ProcedureDefinition } from './procedure-definition';

const registry = new Map<string, Map<number, ProcedureDefinition>>();

/**
 * Registers a procedure definition after checking it is coherent: every state an action names
 * exists, action names are unique, every deadline an action meets, pauses, resumes, restarts,
 * extends or cancels is started somewhere. Registering the same object again is a no-op.
 */
export function registerProcedure(definition: ProcedureDefinition): ProcedureDefinition {
  const versions = registry.get(definition.key) ?? new Map<number, ProcedureDefinition>();
  const existing = versions.get(definition.version);
  if (existing === definition) return definition;
  if (existing) throw new Error(`程序 ${definition.key} 第 ${definition.version} 版已注册`);
  checkDefinition(definition);
  versions.set(definition.version, definition);
  registry.set(definition.key, versions);
  return definition;
}

/** The definition a stored instance follows, or the latest version when `version` is omitted. */
export function getProcedure(key: string, version?: number): ProcedureDefinition {
  const versions = registry.get(key);
  const definition =
    version === undefined
      ? [...(versions?.values() ?? [])].sort((a, b) => b.version - a.version)[0]
      : versions?.get(version);
  if (!definition) {
    throw new AppError('NOT_FOUND', `程序「${key}」${version === undefined ? '' : `第 ${version} 版`}未注册`);
  }
  return definition;
}

export const isProcedureRegistered = (key: string) => registry.has(key);

function checkDefinition(definition: ProcedureDefinition): void {
  const problems: string[] = [];
  const hasState = (state: string) => Object.hasOwn(definition.states, state);
  if (!hasState(definition.initialState)) problems.push(`初始状态 ${definition.initialState} 未定义`);
  const started = new Set((definition.start.deadlines?.starts ?? []).map((start) => start.key));
  for (const action of definition.actions) {
    for (const start of action.deadlines?.starts ?? []) started.add(start.key);
  }
  const names = new Set<string>();
  for (const action of definition.actions) {
    if (names.has(action.name)) problems.push(`操作 ${action.name} 重复`);
    names.add(action.name);
    if (action.name === 'start') problems.push('操作名 start 保留给启动');
    for (const state of [...action.from, ...(action.to ? [action.to] : [])]) {
      if (!hasState(state)) problems.push(`操作 ${action.name} 引用了未定义的状态 ${state}`);
    }
    if (action.roles.length === 0) problems.push(`操作 ${action.name} 没有允许的角色`);
    for (const key of referencedDeadlines(action.deadlines)) {
      if (!started.has(key)) problems.push(`操作 ${action.name} 引用了没有开始计时的期限 ${key}`);
    }
    const extension = action.deadlines?.extends;
    if (extension && (!Number.isInteger(extension.length) || extension.length <= 0)) {
      problems.push(`操作 ${action.name} 的延长天数必须是正整数`);
    }
  }
  if (problems.length > 0) throw new Error(`程序 ${definition.key} 定义有误：${problems.join('；')}`);
}

function referencedDeadlines(effects: DeadlineEffects | undefined): string[] {
  if (!effects) return [];
  return [
    ...(effects.meets ?? []),
    ...(effects.pauses ?? []),
    ...(effects.resumes ?? []),
    ...(effects.restarts ?? []),
    ...(effects.cancels ?? []),
    ...(effects.extends ? [effects.extends.key] : []),
  ];
}

/** The definition if registered, else null (lists show stored instances even of unregistered procedures). */
export function procedureDefinitionFor(key: string, version: number): ProcedureDefinition | null {
  return registry.get(key)?.get(version) ?? null;
}
