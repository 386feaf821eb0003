import type { Component, Entity, Scene, System } from 'aframe';

/**
 * @types/aframe types `this.data` as any. These wrappers give components and systems a typed
 * `data` and typed methods, so `this` inside init/update/remove is checked.
 */
export type TypedComponent<D extends object, M extends object> = Omit<Component<D>, 'data'> & { data: D } & M;

export interface ComponentDef<D extends object, M extends object> {
  schema: Record<string, unknown>;
  multiple?: boolean;
  dependencies?: string[];
  init?(this: TypedComponent<D, M>): void;
  update?(this: TypedComponent<D, M>, oldData: Partial<D>): void;
  remove?(this: TypedComponent<D, M>): void;
  tick?(this: TypedComponent<D, M>, time: number, delta: number): void;
}

export function defineComponent<D extends object, M extends object>(name: string, def: ComponentDef<D, M> & M & ThisType<TypedComponent<D, M>>): void {
  if (AFRAME.components[name]) return; // hot reload / double import: keep the first registration
  AFRAME.registerComponent(name, def as never);
}

export type TypedSystem<M extends object> = System & { el: Scene; sceneEl: Scene } & M;

export function defineSystem<M extends object>(name: string, def: M & { init?(this: TypedSystem<M>): void; tick?(this: TypedSystem<M>, time: number, delta: number): void } & ThisType<TypedSystem<M>>): void {
  if (AFRAME.systems[name]) return;
  AFRAME.registerSystem(name, { schema: {}, ...def } as never);
}

/** Reads a typed system from a scene. */
export function systemOf<T>(scene: Scene, name: string): T {
  const system = (scene.systems as Record<string, unknown>)[name];
  if (!system) throw new Error(`A-Frame system "${name}" is not registered`);
  return system as T;
}

export type { Entity, Scene };
