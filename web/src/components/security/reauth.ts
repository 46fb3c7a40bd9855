import { ref } from 'vue';

/** One pending re-authentication request at a time (A8 sudo mode); the dialog resolves it. */
export const reauthOpen = ref(false);
let resolver: ((ok: boolean) => void) | null = null;
let pending: Promise<boolean> | null = null;

export function requestReauth(): Promise<boolean> {
  if (pending) return pending;
  reauthOpen.value = true;
  pending = new Promise<boolean>((resolve) => {
    resolver = resolve;
  });
  return pending;
}

export function finishReauth(ok: boolean): void {
  reauthOpen.value = false;
  const r = resolver;
  resolver = null;
  pending = null;
  r?.(ok);
}
