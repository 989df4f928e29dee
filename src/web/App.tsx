import { GovBanner, GridContainer } from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { api, type Me } from "./api.js";
import { Header } from "./components/Header.js";
import { AuditPage } from "./pages/AuditPage.js";
import { CaseListPage } from "./pages/CaseListPage.js";
import { CasePage } from "./pages/CasePage.js";
import { DashboardPage } from "./pages/DashboardPage.js";
import { DataDictionaryPage } from "./pages/DataDictionaryPage.js";
import { ImportsPage } from "./pages/ImportsPage.js";
import { LinkReviewPage } from "./pages/LinkReviewPage.js";
import { MovementPage } from "./pages/MovementPage.js";
import { MovementsPage } from "./pages/MovementsPage.js";
import { PlacementPage } from "./pages/PlacementPage.js";
import { PopulationBoardPage } from "./pages/PopulationBoardPage.js";
import { ReviewQueuePage } from "./pages/ReviewQueuePage.js";
import { SignInPage } from "./pages/SignInPage.js";
import { WorkQueuePage } from "./pages/WorkQueuePage.js";
import { usePath } from "./router.js";

export function App() {
  const path = usePath();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(() => {
    api<Me>("GET", "/me")
      .then(setMe)
      .catch(() => setMe(null));
  }, []);
  useEffect(refresh, [refresh]);

  let page: React.ReactNode;
  if (me === undefined) page = <p>Loading…</p>;
  else if (me === null) page = <SignInPage onSignedIn={refresh} />;
  else {
    const caseMatch = /^\/cases\/([^/?]+)/.exec(path);
    if (/^\/audit(\?|$)/.test(path)) page = <AuditPage />;
    else if (/^\/dashboard(\?|$)/.test(path)) page = <DashboardPage key={path} />;
    else if (/^\/data-dictionary(\?|$)/.test(path)) page = <DataDictionaryPage />;
    else if (/^\/population(\?|$)/.test(path)) page = <PopulationBoardPage key={path} />;
    else if (/^\/placement(\?|$)/.test(path)) page = <PlacementPage key={path} />;
    else if (/^\/reviews(\?|$)/.test(path)) page = <ReviewQueuePage />;
    else if (/^\/imports(\?|$)/.test(path)) page = <ImportsPage />;
    else if (/^\/link-reviews(\?|$)/.test(path)) page = <LinkReviewPage />;
    else if (/^\/queue(\?|$)/.test(path)) page = <WorkQueuePage />;
    else if (/^\/movements(\?|$)/.test(path)) page = <MovementsPage />;
    else if (/^\/movements\/[^/?]+/.test(path))
      page = <MovementPage key={path} movementRef={decodeURIComponent(path.split("/")[2].split("?")[0])} />;
    else page = caseMatch ? <CasePage caseRef={decodeURIComponent(caseMatch[1])} /> : <CaseListPage />;
  }
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <GovBanner aria-label="Official website notice" />
      <Header me={me ?? null} onSignedOut={() => setMe(null)} />
      <main id="main-content" tabIndex={-1}>
        <GridContainer className="padding-y-4">{page}</GridContainer>
      </main>
      <footer className="usa-footer usa-footer--slim">
        <GridContainer className="padding-y-2">
          <p className="margin-0 font-body-2xs">
            immos — open-source case operations. All data shown in the demo is synthetic.
          </p>
        </GridContainer>
      </footer>
    </>
  );
}
