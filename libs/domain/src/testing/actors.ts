import type { Actor, CommandContext, Role } from '../shared/decider';

/** Test actors: `actor('CLERK')`, `actor(['LEADER'], { agencyCode: '000.00.02.H41' })`. */
export function actor(roles: Role | readonly Role[], overrides: Partial<Actor> = {}): Actor {
  const list = typeof roles === 'string' ? [roles] : roles;
  const name = list.join('-').toLowerCase().replace(/_/g, '');
  return {
    username: overrides.username ?? `${name}.user`,
    fullName: overrides.fullName ?? `Nguyễn Văn ${name.toUpperCase()}`,
    agencyCode: overrides.agencyCode ?? '000.00.01.H41',
    unitId: overrides.unitId === undefined ? null : overrides.unitId,
    roles: list,
  };
}

export function contextOf(who: Actor, now: string): CommandContext {
  return { actor: who, now };
}
