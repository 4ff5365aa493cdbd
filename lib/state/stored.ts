/**
 * One value the background keeps in extension storage: read once (validated: a corrupt store reads as the
 * fallback, never throws), kept in memory, changed there, and written back in batches (every change made while a
 * write runs goes out in the next single write), so a page that fails a thousand times costs a handful of writes.
 * `ready()` and `peek()` answer without waiting, for the decisions that cannot wait (a navigation as it starts).
 */
import type { WxtStorageItem } from '@wxt-dev/storage';

export interface StoredOptions<T> {
  /** Reads the stored value (untrusted). */
  read(raw: unknown): T;
  /** What is written for the value (a Set or a Map is not JSON); the value itself by default. */
  save?(value: T): unknown;
  /** Bounds the value before each write (entries, bytes). */
  cap?(value: T): T;
  /** A write was refused (the area is full): what to keep instead, written once more. */
  recover?(value: T): T;
  /** For the console. */
  name: string;
}

export class Stored<T> {
  readonly #item: WxtStorageItem<unknown, Record<string, unknown>>;
  readonly #options: StoredOptions<T>;
  #value: T;
  #ready = false;
  #loaded: Promise<void> | undefined;
  #writing: Promise<void> = Promise.resolve();
  #next: Promise<void> | undefined;

  constructor(item: WxtStorageItem<unknown, Record<string, unknown>>, initial: T, options: StoredOptions<T>) {
    this.#item = item;
    this.#value = initial;
    this.#options = options;
  }

  /** Read already: peek() answers. */
  ready(): boolean {
    return this.#ready;
  }

  /** Reads the stored value (once); resolves when it is read, or could not be (the initial value stays). */
  load(): Promise<void> {
    this.#loaded ??= this.#item.getValue().then(
      (raw) => {
        this.#value = this.#options.read(raw);
        this.#ready = true;
      },
      (error: unknown) => {
        this.#ready = true;
        console.error(`[Port Doctor] ${this.#options.name} unreadable:`, error);
      },
    );
    return this.#loaded;
  }

  /** The value if read already, else undefined. */
  peek(): T | undefined {
    return this.#ready ? this.#value : undefined;
  }

  async get(): Promise<T> {
    await this.load();
    return this.#value;
  }

  /**
   * Changes the value (`change` may change it in place and return nothing, or return the new one; `false`
   * means nothing changed: no write) and writes it back with the changes made meanwhile.
   */
  async update(change: (value: T) => T | undefined | false): Promise<void> {
    await this.load();
    const result = change(this.#value);
    if (result === false) return;
    if (result !== undefined) this.#value = result;
    return this.#flush();
  }

  #flush(): Promise<void> {
    this.#next ??= this.#writing.then(() => {
      this.#next = undefined;
      this.#writing = this.#write();
      return this.#writing;
    });
    return this.#next;
  }

  async #write(): Promise<void> {
    const { cap, recover, name, save = (value: T) => value } = this.#options;
    if (cap) this.#value = cap(this.#value);
    try {
      await this.#item.setValue(save(this.#value));
    } catch (error) {
      if (!recover) return console.error(`[Port Doctor] ${name} not saved:`, error);
      // The area is full (something else filled it): keep what matters now, and go on.
      console.error(`[Port Doctor] ${name} not saved, keeping less:`, error);
      this.#value = recover(this.#value);
      await this.#item
        .setValue(save(this.#value))
        .catch((again: unknown) => console.error(`[Port Doctor] ${name} kept in memory only:`, again));
    }
  }
}
