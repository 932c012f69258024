//! The audit trail's hash chain: each event carries the hash of the one before, so an event
//! changed, removed or reordered after it was written shows as the first broken link.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The `prev_hash` of the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEvent {
    #[ts(type = "number")]
    pub seq: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: String,
    /// What happened: "finding.dismissed", "checklist.ticked", …
    pub action: String,
    /// What it happened to: "pitch:3".
    pub subject: String,
    /// JSON with the details.
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

/// SHA-256 over the event's fields, each prefixed with its length so no two different events
/// share an input.
pub fn event_hash(prev_hash: &str, seq: i64, at: &str, actor: &str, action: &str, subject: &str, payload: &str) -> String {
    let mut h = Sha256::new();
    let seq = seq.to_string();
    for field in [prev_hash, &seq, at, actor, action, subject, payload] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    crate::hex::encode(&h.finalize())
}

/// Where the chain breaks, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainBreak {
    #[ts(type = "number")]
    pub seq: i64,
    pub reason: String,
}

/// Checks events read in `seq` order. `Ok(n)`: all `n` events are intact.
pub fn verify_chain(events: &[AuditEvent]) -> Result<usize, ChainBreak> {
    let mut prev = GENESIS.to_string();
    for (i, e) in events.iter().enumerate() {
        let expected = i as i64 + 1;
        if e.seq != expected {
            let reason = if e.seq > expected {
                format!("event {expected} is missing: events {expected}–{} were removed", e.seq - 1)
            } else {
                format!("event {} appears out of order", e.seq)
            };
            return Err(ChainBreak { seq: expected, reason });
        }
        if e.prev_hash != prev {
            return Err(ChainBreak { seq: e.seq, reason: format!("event {} does not follow event {}: the link between them was changed", e.seq, e.seq - 1) });
        }
        if event_hash(&e.prev_hash, e.seq, &e.at, &e.actor, &e.action, &e.subject, &e.payload) != e.hash {
            return Err(ChainBreak { seq: e.seq, reason: format!("event {} was changed after it was written", e.seq) });
        }
        prev = e.hash.clone();
    }
    Ok(events.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEvent> {
        let mut out: Vec<AuditEvent> = Vec::new();
        for seq in 1..=n {
            let prev = out.last().map_or(GENESIS.to_string(), |e| e.hash.clone());
            let (at, actor, action, subject, payload) = ("2027-01-15T10:00:00Z", "writer", "checklist.ticked", "pitch:1", format!("{{\"n\":{seq}}}"));
            let hash = event_hash(&prev, seq, at, actor, action, subject, &payload);
            out.push(AuditEvent { seq, at: at.into(), actor: actor.into(), action: action.into(), subject: subject.into(), payload, prev_hash: prev, hash });
        }
        out
    }

    #[test]
    fn an_intact_chain_verifies_and_every_kind_of_tampering_is_found() {
        assert_eq!(verify_chain(&chain(5)), Ok(5));
        assert_eq!(verify_chain(&[]), Ok(0));

        let mut edited = chain(5);
        edited[2].payload = "{\"n\":99}".into();
        assert_eq!(verify_chain(&edited).unwrap_err().seq, 3);

        let mut removed = chain(5);
        removed.remove(1);
        let err = verify_chain(&removed).unwrap_err();
        assert_eq!(err.seq, 2);
        assert!(err.reason.contains("missing"), "{err:?}");

        let mut reordered = chain(5);
        reordered.swap(1, 2);
        let (a, b) = (reordered[1].seq, reordered[2].seq);
        reordered[1].seq = b;
        reordered[2].seq = a;
        assert_eq!(verify_chain(&reordered).unwrap_err().seq, 2);

        // A forged event whose own hash is right but that claims another predecessor.
        let mut forged = chain(3);
        let fake_prev = GENESIS.to_string();
        let hash = event_hash(&fake_prev, 4, "2027-01-16T00:00:00Z", "reviewer", "decision.approved", "pitch:1", "{}");
        forged.push(AuditEvent { seq: 4, at: "2027-01-16T00:00:00Z".into(), actor: "reviewer".into(), action: "decision.approved".into(), subject: "pitch:1".into(), payload: "{}".into(), prev_hash: fake_prev, hash });
        assert!(verify_chain(&forged).unwrap_err().reason.contains("does not follow event 3"));
    }
}
