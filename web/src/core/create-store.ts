export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  /** Call `listener` after each change of state; returns the unsubscribe. */
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/** A minimal store around a pure reducer. Listeners run only when the state object changed. */
export function createStore<S, A>(reducer: (state: S, action: A) => S, initialState: S): Store<S, A> {
  let state = initialState;
  const listeners = new Set<(state: S, previous: S) => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = reducer(state, action);
      if (state !== previous) for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
