import { Button, GridContainer } from "@trussworks/react-uswds";
import { api, type Me } from "../api.js";
import { linkTo, navigate } from "../router.js";

export function Header({ me, onSignedOut }: { me: Me | null; onSignedOut: () => void }) {
  const signOut = async () => {
    await api("POST", "/auth/sign-out").catch(() => undefined);
    onSignedOut();
    navigate("/");
  };
  return (
    <header className="immos-header">
      <GridContainer className="display-flex flex-justify flex-align-center padding-y-2">
        <a {...linkTo("/")} className="text-no-underline font-heading-lg text-bold">
          immos
        </a>
        {me && (
          <nav aria-label="Main" className="display-flex flex-align-center margin-right-auto margin-left-4">
            <a {...linkTo("/")} className="margin-right-2">
              Cases
            </a>
            <a {...linkTo("/population")} className="margin-right-2">
              Population
            </a>
            <a {...linkTo("/dashboard")} className="margin-right-2">
              Dashboard
            </a>
            <a {...linkTo("/queue")} className="margin-right-2">
              Work queue
            </a>
            <a {...linkTo("/reviews")} className="margin-right-2">
              Reviews
            </a>
            <a {...linkTo("/movements")} className="margin-right-2">
              Movements
            </a>
            {(me.role === "supervisor" || me.role === "admin") && (
              <>
                <a {...linkTo("/imports")} className="margin-right-2">
                  Imports
                </a>
                <a {...linkTo("/link-reviews")} className="margin-right-2">
                  Link reviews
                </a>
              </>
            )}
            {(me.role === "auditor" || me.role === "admin") && (
              <a {...linkTo("/audit")} className="margin-right-2">
                Audit
              </a>
            )}
          </nav>
        )}
        {me && (
          <nav aria-label="Account" className="display-flex flex-align-center">
            <span className="margin-right-2">
              {me.displayName} ({me.role}
              {me.offices.length ? `, ${me.offices.join(", ")}` : ""})
            </span>
            <Button type="button" unstyled onClick={signOut}>
              Sign out
            </Button>
          </nav>
        )}
      </GridContainer>
    </header>
  );
}
