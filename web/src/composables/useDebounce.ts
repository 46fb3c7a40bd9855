import { onBeforeUnmount } from 'vue';

/** A debounced call that is cancelled when the component unmounts. */
export function useDebounce<A extends unknown[]>(fn: (...args: A) => void, ms = 300) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  onBeforeUnmount(cancel);
  const call = (...args: A) => {
    cancel();
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  return { call, cancel };
}
