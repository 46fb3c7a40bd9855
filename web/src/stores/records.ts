/** Current-record and list stores for actors and incidents (same behaviour as the bulletin stores). */
import { defineStore } from 'pinia';
import { ref, type Ref } from 'vue';
import type { Page, PageQuery } from '../api/types';
import { workflowApi, type RecordPlural } from '../api/workflow';
import type { ListFilter } from './bulletinList';
import { useSessionStore } from './session';
import {
  actorsApi,
  incidentsApi,
  type Actor,
  type ActorInput,
  type ActorUpdateBody,
  type Incident,
  type IncidentInput,
  type IncidentUpdateBody,
} from '../api/records';

const PAGE_SIZE = 30;

interface ListApi<T> {
  list: (query: PageQuery & { q?: string }) => Promise<Page<T>>;
}

function listStore<T extends { id: number }>(id: string, source: ListApi<T>, plural: RecordPlural) {
  return defineStore(id, () => {
    const items = ref([]) as Ref<T[]>;
    const q = ref('');
    /** "Assigned to me" / "My review list" (issue #4): the advanced search with one filter. */
    const filter = ref<ListFilter>('all');
    const fetchPage = (query: PageQuery & { q?: string }): Promise<Page<T>> => {
      const me = useSessionStore().user?.id;
      if (filter.value === 'all' || me === undefined) return source.list(query);
      const block = {
        ...(filter.value === 'assigned' ? { assignedTo: [me] } : { reviewer: [me] }),
        ...(query.q ? { text: query.q } : {}),
      };
      return workflowApi.mine<T>(plural, block, query.limit ?? PAGE_SIZE, query.cursor);
    };
    const total = ref<number | null>(null);
    const nextCursor = ref<string | null>(null);
    const loading = ref(false);
    const error = ref<unknown>(null);
    const loaded = ref(false);
    let requestSeq = 0;

    async function search(text: string = q.value): Promise<void> {
      q.value = text;
      const seq = ++requestSeq;
      loading.value = true;
      error.value = null;
      try {
        const page = await fetchPage({ q: text.trim() || undefined, limit: PAGE_SIZE });
        if (seq !== requestSeq) return;
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
        const page = await fetchPage({ q: q.value.trim() || undefined, limit: PAGE_SIZE, cursor: nextCursor.value });
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

    function upsert(x: T): void {
      const i = items.value.findIndex((y) => y.id === x.id);
      if (i >= 0) items.value.splice(i, 1, x);
      else loaded.value = false;
    }

    function removeLocal(rid: number): void {
      items.value = items.value.filter((x) => x.id !== rid);
      if (total.value !== null) total.value = Math.max(0, total.value - 1);
    }

    function setFilter(f: ListFilter): Promise<void> {
      filter.value = f;
      return search();
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
    };
  });
}

interface RecordApi<T, C, U> {
  get: (id: number) => Promise<T>;
  create: (body: C) => Promise<T>;
  update: (id: number, body: U) => Promise<T>;
  remove: (id: number, comment: string) => Promise<unknown>;
}

function recordStore<T extends { id: number }, C, U>(
  id: string,
  source: RecordApi<T, C, U>,
  list: () => { upsert: (x: T) => void; removeLocal: (id: number) => void },
) {
  return defineStore(id, () => {
    const current = ref(null) as Ref<T | null>;
    const loading = ref(false);
    const error = ref<unknown>(null);

    async function load(rid: number): Promise<void> {
      if (current.value?.id !== rid) current.value = null;
      loading.value = true;
      error.value = null;
      try {
        current.value = await source.get(rid);
      } catch (e) {
        error.value = e;
        current.value = null;
      } finally {
        loading.value = false;
      }
    }

    /** Replaces the current record with a fresher copy (after a restore). */
    function set(x: T): void {
      current.value = x;
      list().upsert(x);
    }

    async function create(body: C): Promise<T> {
      const x = await source.create(body);
      set(x);
      return x;
    }

    async function update(rid: number, body: U): Promise<T> {
      const x = await source.update(rid, body);
      set(x);
      return x;
    }

    async function remove(rid: number, comment: string): Promise<void> {
      await source.remove(rid, comment);
      current.value = null;
      list().removeLocal(rid);
    }

    return { current, loading, error, load, set, create, update, remove };
  });
}

export const useActorListStore = listStore<Actor>('actorList', actorsApi, 'actors');
export const useIncidentListStore = listStore<Incident>('incidentList', incidentsApi, 'incidents');

export const useActorStore = recordStore<Actor, ActorInput & { comment: string }, ActorUpdateBody>(
  'actor',
  actorsApi,
  () => useActorListStore(),
);
export const useIncidentStore = recordStore<Incident, IncidentInput & { comment: string }, IncidentUpdateBody>(
  'incident',
  incidentsApi,
  () => useIncidentListStore(),
);

/** The §2.6 option lists, loaded once. */
export const useActorOptionsStore = defineStore('actorOptions', () => {
  const options = ref<Awaited<ReturnType<typeof actorsApi.options>> | null>(null);
  let pending: Promise<void> | null = null;
  function load(): Promise<void> {
    pending ??= actorsApi
      .options()
      .then((o) => {
        options.value = o;
      })
      .catch((e: unknown) => {
        pending = null;
        throw e;
      });
    return pending;
  }
  return { options, load };
});
