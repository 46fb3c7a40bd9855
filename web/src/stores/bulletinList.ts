import { defineStore } from 'pinia';
import { ref } from 'vue';
import { bulletinsApi } from '../api/bulletins';
import type { Bulletin, Page } from '../api/types';
import { workflowApi } from '../api/workflow';
import { useSessionStore } from './session';

/** "all", "Assigned to me" or "My review list" (the workflow views of issue #4). */
export type ListFilter = 'all' | 'assigned' | 'review';

const PAGE_SIZE = 30;

/** The bulletin list and its quick search; kept while the user opens records and comes back. */
export const useBulletinListStore = defineStore('bulletinList', () => {
  const items = ref<Bulletin[]>([]);
  const q = ref('');
  const total = ref<number | null>(null);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const loaded = ref(false);
  const filter = ref<ListFilter>('all');
  let requestSeq = 0;

  /** One page: the quick-search list, or the advanced search with the workflow filter. */
  function fetchPage(text: string, cursor?: string | null): Promise<Page<Bulletin>> {
    const me = useSessionStore().user?.id;
    if (filter.value === 'all' || me === undefined) {
      return bulletinsApi.list({ q: text.trim() || undefined, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    }
    const block = {
      ...(filter.value === 'assigned' ? { assignedTo: [me] } : { reviewer: [me] }),
      ...(text.trim() ? { text: text.trim() } : {}),
    };
    return workflowApi.mine<Bulletin>('bulletins', block, PAGE_SIZE, cursor);
  }

  function setFilter(f: ListFilter): Promise<void> {
    filter.value = f;
    return search();
  }

  async function search(text: string = q.value): Promise<void> {
    q.value = text;
    const seq = ++requestSeq;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(text);
      if (seq !== requestSeq) return; // a newer search superseded this one
      items.value = page.items;
      total.value = page.total;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    } catch (e) {
      if (seq === requestSeq) error.value = e;
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor.value || loading.value) return;
    const seq = ++requestSeq;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(q.value, nextCursor.value);
      if (seq !== requestSeq) return;
      items.value = [...items.value, ...page.items];
      nextCursor.value = page.nextCursor;
      if (page.total !== null) total.value = page.total;
    } catch (e) {
      if (seq === requestSeq) error.value = e;
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
  }

  /** Keeps a changed record in the list without reloading it. */
  function upsert(b: Bulletin): void {
    const i = items.value.findIndex((x) => x.id === b.id);
    if (i >= 0) items.value.splice(i, 1, b);
    else loaded.value = false; // a new record: reload next time the list is shown
  }

  function removeLocal(id: number): void {
    items.value = items.value.filter((x) => x.id !== id);
    if (total.value !== null) total.value = Math.max(0, total.value - 1);
  }

  function reset(): void {
    items.value = [];
    q.value = '';
    filter.value = 'all';
    total.value = null;
    nextCursor.value = null;
    loaded.value = false;
  }

  return {
    items,
    q,
    filter,
    total,
    nextCursor,
    loading,
    error,
    loaded,
    search,
    setFilter,
    loadMore,
    upsert,
    removeLocal,
    reset,
  };
});
