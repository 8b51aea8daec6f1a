import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionProvider, useSession } from '../api/session.js';
import { NotFound } from '../common/Status.js';
import { ApplicationEditPage, ApplicationNewPage } from '../application/ApplicationEditPage.js';
import { ApplicationStatusPage } from '../application/ApplicationStatusPage.js';
import { HomePage } from '../pages/HomePage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { RegisterPage } from '../pages/RegisterPage.js';
import { SignUpPage } from '../pages/SignUpPage.js';
import { CalculatorPage } from '../incentives/CalculatorPage.js';
import { IncentivesPage } from '../incentives/IncentivesPage.js';
import { MdfDetailPage, MdfListPage, MdfNewPage } from '../mdf/MdfPages.js';
import { OrganisationPage } from '../organisation/OrganisationPage.js';
import { TaskPage } from '../tasks/TaskPage.js';
import { TasksPage } from '../tasks/TasksPage.js';
import { Layout } from './Layout.js';

/** Pages behind sign-in send visitors to the login page, and back here afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (me === undefined) return <p className="muted" role="status">{t('common.loading')}</p>;
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter basename="/portal">
        <Layout>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/signup" element={<SignUpPage />} />
            <Route path="/" element={<SignedIn><HomePage /></SignedIn>} />
            <Route path="/applications/new" element={<SignedIn><ApplicationNewPage /></SignedIn>} />
            <Route path="/applications/:id" element={<SignedIn><ApplicationStatusPage /></SignedIn>} />
            <Route path="/applications/:id/edit" element={<SignedIn><ApplicationEditPage /></SignedIn>} />
            <Route path="/tasks" element={<SignedIn><TasksPage /></SignedIn>} />
            <Route path="/tasks/:id" element={<SignedIn><TaskPage /></SignedIn>} />
            <Route path="/organisation" element={<SignedIn><OrganisationPage /></SignedIn>} />
            <Route path="/incentives" element={<SignedIn><IncentivesPage /></SignedIn>} />
            <Route path="/calculator" element={<SignedIn><CalculatorPage /></SignedIn>} />
            <Route path="/mdf" element={<SignedIn><MdfListPage /></SignedIn>} />
            <Route path="/mdf/new" element={<SignedIn><MdfNewPage /></SignedIn>} />
            <Route path="/mdf/:id" element={<SignedIn><MdfDetailPage /></SignedIn>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </SessionProvider>
  );
}
