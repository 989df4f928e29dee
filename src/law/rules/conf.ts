/** CONF-* rules of docs/law/RULES.md: confidentiality of protection claims, 1367, other programmes, Privacy Act. */
import {
  contentOf,
  mandatoryNotificationCountries,
  privacyActSubject,
  programmeFacts,
  protectionClaimFacts,
  recipientOf,
  splitContent,
  statusRevealsClaim,
} from "../facts/disclosure.js";
import { knownEvents, ruleFinding } from "../facts/removal.js";
import { policyValue } from "../policy.js";
import type { Rule } from "../types.js";
import { consented, disclosureActions, exceptionOf, initiationActions, list } from "./conf/common.js";
import { conf03, conf04, conf05 } from "./conf/vawa.js";

const conf01Ref = { id: "CONF-01", citation: "8 CFR 208.6, 1208.6" };
const conf01: Rule = {
  ...conf01Ref,
  title: "Confidentiality of asylum, withholding, CAT, credible- and reasonable-fear information",
  actions: disclosureActions,
  evaluate({ history, action, asOf }) {
    const events = knownEvents(history, asOf);
    const facts = protectionClaimFacts(events);
    if (!facts.length) return null;
    const { recipient, label } = recipientOf(action);
    const content = contentOf(action);
    const one = (outcome: "ALLOW" | "REVIEW" | "BLOCK", message: string, remedy?: string) => ({
      findings: [ruleFinding(conf01Ref, outcome, message, { facts, remedy })],
    });
    if (recipient === "internal" || recipient === "own_side") {
      return one("ALLOW", `Disclosure to ${label} is not a disclosure to a third party; log it.`);
    }
    if (consented(action)) {
      return one(
        "ALLOW",
        `The applicant's written consent (or the Secretary's/AG's authorisation) is recorded for this disclosure to ${label}; log it as a disclosure.`,
      );
    }
    if (!content) {
      return one(
        "REVIEW",
        `The content of this disclosure to ${label} is not recorded, and the person has a protection claim on file: its content must be checked before it goes out.`,
        "A list of the fields disclosed (identity data only for a foreign government).",
      );
    }
    const split = splitContent(content);
    const revealing = [
      ...split.claim,
      ...(statusRevealsClaim(events) && content.includes("immigration_status") ? ["immigration_status"] : []),
    ];
    if (recipient === "us_agency") {
      if (!revealing.length)
        return one(
          "ALLOW",
          `No protection-claim information in this disclosure to ${label} (${list(content)}); log it.`,
        );
      const exception = exceptionOf(action);
      return exception
        ? one(
            "ALLOW",
            `Disclosure of ${list(revealing)} to ${label} under the listed exception "${exception}" (208.6(c)-(d)); log it.`,
          )
        : one(
            "REVIEW",
            `Disclosure of ${list(revealing)} to ${label}, another U.S. agency, without a listed 208.6 exception.`,
            "A recorded 208.6(c)-(d) exception, or the applicant's written consent.",
          );
    }
    if (revealing.length) {
      return one(
        recipient === "unknown" ? "REVIEW" : "BLOCK",
        `This disclosure to ${label} contains ${list(revealing)}: it reveals, or lets the recipient infer, that a protection claim was made (8 CFR 208.6). ${recipient === "foreign_government" ? "Use the redacted template (identity data only)." : ""}`.trim(),
        `Remove ${list(revealing)} from the content, or record the applicant's written consent.`,
      );
    }
    if (recipient === "foreign_government" && (split.freeText.length || split.other.length)) {
      return one(
        "REVIEW",
        `A communication to ${label} may carry only identity data; it also contains ${list([...split.freeText, ...split.other])}, which must be checked for anything that signals a protection claim.`,
        "Identity data only (the redacted template).",
      );
    }
    if (split.freeText.length) {
      return one(
        "REVIEW",
        `Free-text content (${list(split.freeText)}) to ${label} must be checked for anything that signals a protection claim.`,
        "Structured fields without claim information.",
      );
    }
    if (recipient === "unknown") {
      return one(
        "REVIEW",
        `The recipient (${label}) is not classified; the person has a protection claim on file.`,
        "A recipient classification (internal, U.S. agency, foreign government, private party).",
      );
    }
    return one(
      "ALLOW",
      `No protection-claim information in this disclosure to ${label} (${list(content)}); log it.`,
    );
  },
};

const conf02Ref = {
  id: "CONF-02",
  citation: "8 CFR 236.1(e); Vienna Convention on Consular Relations art. 36; bilateral consular conventions",
};
const conf02: Rule = {
  ...conf02Ref,
  title: "Consular notification versus confidentiality",
  actions: disclosureActions,
  evaluate({ history, action, asOf }) {
    const { recipient } = recipientOf(action);
    if (recipient !== "foreign_government") return null;
    const events = knownEvents(history, asOf);
    const claim = protectionClaimFacts(events);
    const content = contentOf(action) ?? [];
    const freeText = splitContent(content).freeText;
    if (claim.length && freeText.length) {
      return {
        findings: [
          ruleFinding(
            conf02Ref,
            "BLOCK",
            `Free-text fields (${list(freeText)}) in a communication to a foreign government about a person with a protection claim could reveal the claim.`,
            { facts: claim, remedy: "The notification template limited to identity and detention facts." },
          ),
        ],
      };
    }
    const mandatory = (history.person.citizenship ?? []).filter((c) => mandatoryNotificationCountries.has(c));
    const notice =
      action.type === "consular.notify" ||
      content.includes("detention") ||
      content.includes("detention_facts");
    if (mandatory.length && notice) {
      return {
        findings: [
          ruleFinding(
            conf02Ref,
            "WARN",
            `${mandatory.join("/")} is a mandatory-notification country: the consulate must be notified of the detention regardless of the person's wishes, but the notice must not reveal any protection claim (identity and detention facts only).`,
            { facts: [`citizenship ${mandatory.join("/")}`] },
          ),
        ],
      };
    }
    if (action.type === "consular.notify") {
      return {
        findings: [
          ruleFinding(
            conf02Ref,
            "ALLOW",
            "Consular notification limited to identity and detention facts.",
            {},
          ),
        ],
      };
    }
    return null;
  },
};

const programmeSources = new Set([
  "tps_application",
  "daca_record",
  "legalization_file",
  "saw_file",
  "juvenile_record",
  "eoir_protective_order",
]);

const conf06Ref = {
  id: "CONF-06",
  citation: "INA 244(c)(6); 8 CFR 244.16; 8 U.S.C. 1255a(c)(5), 1160(b)(6); 8 CFR 1003.46",
};
const conf06: Rule = {
  ...conf06Ref,
  title: "Confidentiality of other programmes",
  actions: [...disclosureActions, ...initiationActions],
  evaluate({ history, action, asOf }) {
    const source = typeof action.informationSource === "string" ? action.informationSource : undefined;
    if (initiationActions.includes(action.type)) {
      if (!source || !programmeSources.has(source)) return null;
      return {
        findings: [
          ruleFinding(
            conf06Ref,
            "REVIEW",
            `The enforcement lead comes from confidential programme information (${source.replace(/_/g, " ")}): review before enforcement use.`,
            { remedy: "Supervisor review of the permitted use of that information." },
          ),
        ],
      };
    }
    const facts = programmeFacts(knownEvents(history, asOf));
    const { recipient, label } = recipientOf(action);
    const content = contentOf(action) ?? [];
    if (!facts.length || recipient === "internal" || recipient === "own_side") return null;
    const sensitive = content.filter((c) =>
      ["application_existence", "immigration_status", "tps_application", "daca_record", "address"].includes(
        c,
      ),
    );
    if (!sensitive.length) return null;
    return {
      findings: [
        ruleFinding(
          conf06Ref,
          "REVIEW",
          `The disclosure to ${label} carries ${list(sensitive)} of a person with TPS/DACA records, which are confidential (244(c)(6); DACA information-use policy).`,
          { facts, remedy: "Supervisor review of the permitted use or a consent." },
        ),
      ],
    };
  },
};

const conf07Ref = {
  id: "CONF-07",
  citation: "5 U.S.C. 552a(b), (c); DHS Privacy Policy Guidance Memo 2017-01",
};
const conf07: Rule = {
  ...conf07Ref,
  title: "Privacy Act",
  actions: disclosureActions,
  evaluate({ history, action, config, asOf }) {
    const events = knownEvents(history, asOf);
    let subject = privacyActSubject(history, events);
    if (
      !subject &&
      policyValue(config, "privacyActMixedSystems", "citizens_lprs_only", asOf) === "all_persons"
    )
      subject = "a person covered by the configured mixed-systems policy";
    if (!subject) return null;
    const { recipient, label } = recipientOf(action);
    const routineUse =
      typeof action.routineUse === "string" && action.routineUse.trim()
        ? action.routineUse.trim()
        : undefined;
    if (recipient === "internal" || recipient === "own_side") {
      return {
        findings: [
          ruleFinding(
            conf07Ref,
            "ALLOW",
            `Disclosure to ${label} within the agency or to the subject; record the accounting.`,
          ),
        ],
      };
    }
    if (consented(action) || routineUse) {
      return {
        findings: [
          ruleFinding(
            conf07Ref,
            "ALLOW",
            `The records of ${subject} go to ${label} under ${routineUse ? `the routine use "${routineUse}"` : "the subject's written consent"}; record the accounting of disclosure (552a(c)).`,
          ),
        ],
      };
    }
    return {
      findings: [
        ruleFinding(
          conf07Ref,
          "BLOCK",
          `The person is ${subject}: disclosing Privacy Act records to ${label} needs the subject's consent or a published routine use, and an accounting.`,
          { remedy: "The subject's written consent or a published routine use (routineUse)." },
        ),
      ],
    };
  },
};

export const confRules: Rule[] = [conf01, conf02, conf03, conf04, conf05, conf06, conf07];
