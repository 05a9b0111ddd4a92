import type { RegisterKind } from './register.events';

/** Code of the default incoming register, usable every year without being opened. */
export const DEFAULT_INCOMING_REGISTER_CODE = 'DEN';
/** Code of the default outgoing register, usable every year without being opened. */
export const DEFAULT_OUTGOING_REGISTER_CODE = 'DI';

/** A register code: upper-case ASCII letters, digits, `_` and `-`, at most 20 characters (it goes into stream ids). */
export const REGISTER_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,19}$/;

export interface DefaultRegister {
  readonly code: string;
  readonly kind: RegisterKind;
  readonly name: string;
}

/** The register every agency has for `kind` in every year: `DEN` "Sổ văn bản đến" and `DI` "Sổ văn bản đi". */
export function defaultRegister(kind: RegisterKind): DefaultRegister {
  switch (kind) {
    case 'INCOMING':
      return { code: DEFAULT_INCOMING_REGISTER_CODE, kind, name: 'Sổ văn bản đến' };
    case 'OUTGOING':
      return { code: DEFAULT_OUTGOING_REGISTER_CODE, kind, name: 'Sổ văn bản đi' };
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

/** The default register with this code, if it is one. */
export function defaultRegisterByCode(code: string): DefaultRegister | null {
  if (code === DEFAULT_INCOMING_REGISTER_CODE) return defaultRegister('INCOMING');
  if (code === DEFAULT_OUTGOING_REGISTER_CODE) return defaultRegister('OUTGOING');
  return null;
}
