import { computed, type ComputedRef } from 'vue';
import { useSessionStore } from '../stores/session';

/** Admin or a user with canExport may ask for exports (the server's `exporter` rule; it decides). */
export function useCanExport(): ComputedRef<boolean> {
  const session = useSessionStore();
  return computed(() => (session.user?.roles.includes('Admin') || session.user?.permissions.canExport) ?? false);
}
