import { useEffect, useState } from 'react';
import type { Partnership } from '../../shared/domain/types';
import type { GolosDb } from '../db/db';
import { getPartnership } from '../db/partnershipRepo';
import { PartnershipScreen } from '../partnership/PartnershipScreen';
import { RegistryScreen } from '../registry/RegistryScreen';
import { MeetingsScreen } from '../meetings/MeetingsScreen';
import { MeetingScreen } from '../meetings/MeetingScreen';
import { BackupScreen } from '../backup/BackupScreen';
import { AuditScreen } from '../audit/AuditScreen';
import { GolosDb as GolosDbClass } from '../db/db';
import { DailyBackups } from './DailyBackups';
import { DbProvider } from './DbContext';
import { OperatorField } from './OperatorField';
import { ToastProvider } from './Toasts';
import { useHashRoute, type Section } from './useHashRoute';
import './app.css';

const NAV: { route: Section; label: string }[] = [
  { route: 'partnership', label: 'Товарищество' },
  { route: 'registry', label: 'Реестр' },
  { route: 'meetings', label: 'Собрания' },
  { route: 'backup', label: 'Резервные копии' },
  { route: 'audit', label: 'Журнал изменений' },
];

type Loaded =
  { state: 'loading' } | { state: 'ready'; partnership: Partnership | undefined } | { state: 'failed' };

export function App({ db }: { db: GolosDb }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [route, go] = useHashRoute();

  useEffect(() => {
    getPartnership(db).then(
      (partnership) => setLoaded({ state: 'ready', partnership }),
      () => setLoaded({ state: 'failed' }),
    );
  }, [db]);

  if (loaded.state === 'loading') return <p className="loading">Загрузка…</p>;
  if (loaded.state === 'failed')
    return (
      <p role="alert" className="fatal">
        Не удалось открыть базу данных программы. Закройте другие окна «Голоса» и запустите программу снова.
      </p>
    );

  const partnership = loaded.partnership;
  // Until the partnership exists only its form is reachable, and the backups: a fresh install can be
  // restored from a backup file.
  const current: Section = partnership
    ? (route?.section ?? 'registry')
    : route?.section === 'backup'
      ? 'backup'
      : 'partnership';

  return (
    <DbProvider value={db}>
      <ToastProvider>
        <DailyBackups db={db} />
        <div className="shell">
          <header className="topbar">
            <span className="brand">Голос</span>
            <span className="partnership-name">{partnership?.name}</span>
            <nav aria-label="Разделы">
              <ul>
                {NAV.map((item) => (
                  <li key={item.route}>
                    <button
                      type="button"
                      aria-current={current === item.route ? 'page' : undefined}
                      disabled={!partnership && item.route !== 'partnership' && item.route !== 'backup'}
                      onClick={() => go(item.route)}
                    >
                      {item.label}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <OperatorField />
          </header>
          <main className="content">
            {current === 'partnership' && (
              <PartnershipScreen
                partnership={partnership}
                onSaved={(p, created) => {
                  setLoaded({ state: 'ready', partnership: p });
                  if (created) go('registry');
                }}
              />
            )}
            {current === 'registry' && partnership && <RegistryScreen partnership={partnership} />}
            {current === 'meetings' && partnership && !route?.meetingId && (
              <MeetingsScreen
                partnership={partnership}
                onOpen={(meetingId) => go({ section: 'meetings', meetingId, tab: 'prepare' })}
              />
            )}
            {current === 'meetings' && partnership && route?.meetingId && (
              <MeetingScreen
                key={route.meetingId}
                meetingId={route.meetingId}
                tab={route.tab ?? 'prepare'}
                partnership={partnership}
                onTab={(tab) => go({ section: 'meetings', meetingId: route.meetingId, tab })}
              />
            )}
            {current === 'backup' && (
              <BackupScreen
                db={db}
                openMigrating={(name) => new GolosDbClass(name)}
                onRestored={() => window.location.reload()}
              />
            )}
            {current === 'audit' && <AuditScreen db={db} />}
          </main>
        </div>
      </ToastProvider>
    </DbProvider>
  );
}
