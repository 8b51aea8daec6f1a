import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
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

/** Pages behind sign-in (the routes nested here) send visitors to the login page, and back here afterwards. */
function SignedIn() {
  const { me } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (me === undefined) return <p className="muted" role="status">{t('common.loading')}</p>;
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
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
            <Route element={<SignedIn />}>
              <Route path="/" element={<HomePage />} />
              <Route path="/applications/new" element={<ApplicationNewPage />} />
              <Route path="/applications/:id" element={<ApplicationStatusPage />} />
              <Route path="/applications/:id/edit" element={<ApplicationEditPage />} />
              <Route path="/tasks" element={<TasksPage />} />
              <Route path="/tasks/:id" element={<TaskPage />} />
              <Route path="/organisation" element={<OrganisationPage />} />
              <Route path="/incentives" element={<IncentivesPage />} />
              <Route path="/calculator" element={<CalculatorPage />} />
              <Route path="/mdf" element={<MdfListPage />} />
              <Route path="/mdf/new" element={<MdfNewPage />} />
              <Route path="/mdf/:id" element={<MdfDetailPage />} />
            </Route>
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </SessionProvider>
  );
}
