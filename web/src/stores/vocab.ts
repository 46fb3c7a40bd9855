import { defineStore } from 'pinia';
import { ref } from 'vue';
import { vocabApi } from '../api/vocab';
import type { EventType, VocabItem } from '../api/types';

/** Small vocabularies loaded once per session and shared by forms. */
export const useVocabStore = defineStore('vocab', () => {
  const eventTypes = ref<EventType[] | null>(null);
  const small = ref<Record<string, VocabItem[]>>({});
  const pending = new Map<string, Promise<void>>();

  function once(key: string, load: () => Promise<void>): Promise<void> {
    let p = pending.get(key);
    if (!p) {
      p = load().catch((e: unknown) => {
        pending.delete(key); // allow a retry after a failure
        throw e;
      });
      pending.set(key, p);
    }
    return p;
  }

  const loadEventTypes = () =>
    once('event-types', async () => {
      eventTypes.value = (await vocabApi.eventTypes({ for: 'bulletin', limit: 200 })).items;
    });

  const loadSmall = (kind: string) =>
    once(`vocab:${kind}`, async () => {
      const items = (await vocabApi.list(kind, { limit: 200 })).items;
      small.value = { ...small.value, [kind]: [...items].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0)) };
    });

  function clear(): void {
    eventTypes.value = null;
    small.value = {};
    pending.clear();
  }

  return { eventTypes, small, loadEventTypes, loadSmall, clear };
});
