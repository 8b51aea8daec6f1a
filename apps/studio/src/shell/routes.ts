/**
 * The studio's screens, one line each: `#/ID/…` shows `Screen` with the rest of the path as
 * `params`; `nav` puts it in the top bar under the `title` text key. Add a screen by adding a line.
 */
import type { ComponentType } from 'react';
import { AppsScreen } from '../apps/AppsScreen.js';
import { FlowDesignerScreen } from '../flows/FlowDesignerScreen.js';
import { RuleBuilderScreen } from '../rules/RuleBuilderScreen.js';
import { DecisionTableScreen } from '../tables/DecisionTableScreen.js';
import { IncentivesScreen } from '../workspace/incentives/IncentivesScreen.js';
import { InboxScreen } from '../workspace/inbox/InboxScreen.js';
import { RecordsScreen } from '../workspace/records/RecordsScreen.js';
import { TemplatesScreen } from '../workspace/templates/TemplatesScreen.js';
import { UsersScreen } from '../workspace/users/UsersScreen.js';

export interface RouteProps {
  /** the path after the screen's id: `#/apps/prm` → ['prm'] */
  readonly params: readonly string[];
}

export interface StudioRoute {
  readonly id: string;
  readonly title: string;
  readonly Screen: ComponentType<RouteProps>;
  readonly nav: boolean;
}

export const ROUTES: readonly StudioRoute[] = [
  { id: 'apps', title: 'nav.apps', Screen: AppsScreen, nav: true },
  { id: 'rules', title: 'nav.rules', Screen: RuleBuilderScreen, nav: true },
  { id: 'tables', title: 'nav.tables', Screen: DecisionTableScreen, nav: true },
  { id: 'flows', title: 'nav.flows', Screen: FlowDesignerScreen, nav: true },
  { id: 'records', title: 'admin.nav.records', Screen: RecordsScreen, nav: true },
  { id: 'templates', title: 'admin.nav.templates', Screen: TemplatesScreen, nav: true },
  { id: 'inbox', title: 'admin.nav.inbox', Screen: InboxScreen, nav: true },
  { id: 'incentives', title: 'admin.nav.incentives', Screen: IncentivesScreen, nav: true },
  { id: 'users', title: 'admin.nav.users', Screen: UsersScreen, nav: true },
];

/** Where `#/` and unknown hashes land. */
export const HOME_ROUTE = 'apps';
