// Names people see for the values the workspace stores.

import type { ClaimKind, GlossaryRule, PitchStatus } from "./bindings";

export const CLAIM_KINDS: readonly ClaimKind[] = [
  "positioning",
  "feature",
  "advantage",
  "benefit",
  "proof",
  "pricing",
  "other",
];

export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  positioning: "Positioning",
  feature: "Feature",
  advantage: "Advantage",
  benefit: "Benefit",
  proof: "Proof",
  pricing: "Pricing",
  other: "Other",
};

export const PITCH_STATUS_LABELS: Record<PitchStatus, string> = {
  draft: "Draft",
  "in-review": "In review",
  "changes-requested": "Changes requested",
  approved: "Approved",
  "needs-reapproval": "Needs re-approval",
};

export const GLOSSARY_RULE_LABELS: Record<GlossaryRule, string> = {
  explain: "Explain",
  avoid: "Avoid",
  preferred: "Preferred",
};

export const GLOSSARY_RULE_HINTS: Record<GlossaryRule, string> = {
  explain: "Use it, but say what it means the first time",
  avoid: "Don't use it with customers",
  preferred: "The words to use",
};
