/** Ids are made by the extension; a file may bring others, but only in this plain form. */
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** An id as the extension makes them, or as a file may bring them. */
export function isStoredId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Lower-case hex of the UTF-8 bytes of `text`: the same name on every file system. */
export function toHex(text: string): string {
  return [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The text whose UTF-8 is this hex, or undefined when it is not whole UTF-8. */
export function fromHex(hex: string): string | undefined {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** `length` random characters from 0-9 and a-z (crypto-strength where the host has it, as every VS Code host does). */
export function randomName(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => (byte % 36).toString(36)).join('');
}
