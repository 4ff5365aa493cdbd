import type { Component } from 'svelte';
import type { SectionId } from '@/lib/kinds/types';
import Checklist from './checklist.svelte';
import DeeperChecks from './deeper-checks.svelte';
import Engines from './engines.svelte';
import Listeners from './listeners.svelte';
import Move from './move.svelte';
import Nearby from './nearby.svelte';
import Override from './override.svelte';
import type { SectionProps } from './section-props';
import Service from './service.svelte';

/** One component per section a kind can list: a SectionId without one fails the type check. */
export const SECTIONS: Record<SectionId, Component<SectionProps>> = {
  service: Service,
  engines: Engines,
  move: Move,
  override: Override,
  'deeper-checks': DeeperChecks,
  nearby: Nearby,
  listeners: Listeners,
  checklist: Checklist,
};
