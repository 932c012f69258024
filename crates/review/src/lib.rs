//! Review, the part with no storage and no UI: a person's signing key (ed25519), kept
//! encrypted under their passphrase (Argon2id, XChaCha20-Poly1305), and decisions signed over
//! exactly what the reviewer saw, so a decision file can be checked anywhere.

use argon2::Argon2;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand_core::{OsRng, RngCore};
use pitchbridge_core::doc::DocBlock;
use pitchbridge_core::workflow::NewComment;
use serde::{Deserialize, Serialize};

pub mod profile;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReviewError {
    #[error("The passphrase is not right for this key.")]
    WrongPassphrase,
    #[error("Use a passphrase of at least 8 characters.")]
    WeakPassphrase,
    #[error("The key file is damaged: {0}")]
    Damaged(String),
    #[error("The signature does not match: the decision was changed, or signed by another key.")]
    BadSignature,
    #[error("This file cannot be used: {0}.")]
    NotADecision(String),
    #[error("The decision is damaged: {0}.")]
    DamagedDecision(String),
}

/// A private key as it is kept on disk: encrypted, with what is needed to decrypt it given
/// the passphrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EncryptedKey {
    /// Hex.
    pub public_key: String,
    pub salt: String,
    pub nonce: String,
    pub ciphertext: String,
}

use pitchbridge_core::hex::encode as hex;

/// Hex to bytes; anything else (odd length, non-hex, non-ASCII) is damage, never a panic.
fn unhex(s: &str) -> Result<Vec<u8>, ReviewError> {
    pitchbridge_core::hex::decode(s).ok_or_else(|| ReviewError::Damaged("not hexadecimal".into()))
}

fn derive(passphrase: &str, salt: &[u8]) -> Result<[u8; 32], ReviewError> {
    let mut key = [0u8; 32];
    Argon2::default().hash_password_into(passphrase.as_bytes(), salt, &mut key).map_err(|e| ReviewError::Damaged(e.to_string()))?;
    Ok(key)
}

/// A new signing key, encrypted under the passphrase.
pub fn new_key(passphrase: &str) -> Result<EncryptedKey, ReviewError> {
    if passphrase.chars().count() < 8 {
        return Err(ReviewError::WeakPassphrase);
    }
    let signing = SigningKey::generate(&mut OsRng);
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 24];
    OsRng.fill_bytes(&mut salt);
    OsRng.fill_bytes(&mut nonce);
    let cipher = XChaCha20Poly1305::new((&derive(passphrase, &salt)?).into());
    let ciphertext = cipher.encrypt(XNonce::from_slice(&nonce), signing.to_bytes().as_ref()).map_err(|_| ReviewError::Damaged("encryption failed".into()))?;
    Ok(EncryptedKey { public_key: hex(signing.verifying_key().as_bytes()), salt: hex(&salt), nonce: hex(&nonce), ciphertext: hex(&ciphertext) })
}

/// The signing key, if the passphrase is right.
pub fn unlock(key: &EncryptedKey, passphrase: &str) -> Result<SigningKey, ReviewError> {
    let salt = unhex(&key.salt)?;
    let nonce = unhex(&key.nonce)?;
    if nonce.len() != 24 {
        return Err(ReviewError::Damaged("nonce".into()));
    }
    let cipher = XChaCha20Poly1305::new((&derive(passphrase, &salt)?).into());
    let plain = cipher.decrypt(XNonce::from_slice(&nonce), unhex(&key.ciphertext)?.as_ref()).map_err(|_| ReviewError::WrongPassphrase)?;
    let bytes: [u8; 32] = plain.as_slice().try_into().map_err(|_| ReviewError::Damaged("key length".into()))?;
    let signing = SigningKey::from_bytes(&bytes);
    if hex(signing.verifying_key().as_bytes()) != key.public_key {
        return Err(ReviewError::Damaged("the public key does not match the private key".into()));
    }
    Ok(signing)
}

/// What a decision says, and the fingerprints of exactly what was reviewed. Every field is
/// signed; nothing in a decision file outside this body counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionBody {
    /// The workspace the pitch lives in: a decision applies there and nowhere else.
    pub workspace_id: String,
    pub pitch_id: i64,
    pub pitch_title: String,
    /// The pitch version the reviewer was sent.
    pub pitch_version: i64,
    /// "approved", "approved-with-edits", "changes-requested".
    pub outcome: String,
    /// "Approved as accurate to the Factory message, version 3."
    pub meaning: String,
    pub signer_name: String,
    pub signer_email: String,
    /// Hex public key of the signer.
    pub signer_key: String,
    /// UTC, RFC 3339.
    pub signed_at: String,
    /// The text the reviewer was sent ([`pitchbridge_core::workflow::content_fingerprint`]).
    pub base_fingerprint: String,
    /// The text approved: the same as `base_fingerprint` unless the reviewer made edits.
    pub pitch_fingerprint: String,
    /// (claim id, fingerprint) of every linked claim, sorted by claim id.
    pub claim_fingerprints: Vec<(i64, String)>,
    pub reasons: String,
    /// An approval with edits: the whole document as the reviewer left it.
    pub edits: Option<Vec<DocBlock>>,
    /// Comments the reviewer made while reviewing.
    pub comments: Vec<NewComment>,
    /// Manual checklist items the reviewer confirmed.
    pub confirmed_items: Vec<String>,
    /// What the reviewer approved despite, with their reason ("2 required claims are not
    /// translated … Reason: …"). Left out when empty, so decisions signed before it existed
    /// still verify.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<String>,
}

/// A decision as it travels between machines: the signed body and its signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionFile {
    /// Always [`DECISION_FORMAT`].
    pub format: String,
    pub decision: DecisionBody,
    /// Hex ed25519 signature over [`signed_bytes`] of `decision`.
    pub signature: String,
}

pub const DECISION_FORMAT: &str = "pitchbridge-decision/1";

/// Reads a decision file, saying plainly what is wrong with one that is not.
pub fn parse_decision_file(bytes: &[u8]) -> Result<DecisionFile, ReviewError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| ReviewError::NotADecision("it is not a Pitchbridge decision file (not JSON)".into()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(DECISION_FORMAT) {
        return Err(ReviewError::NotADecision(format!("it is not a Pitchbridge decision file (expected format \"{DECISION_FORMAT}\")")));
    }
    serde_json::from_value(value).map_err(|e| ReviewError::NotADecision(format!("it is damaged: {e}")))
}

/// The exact bytes that are signed: the body as compact JSON with its fields in a fixed order.
pub fn signed_bytes<T: Serialize>(body: &T) -> Vec<u8> {
    serde_json::to_vec(body).expect("a decision serialises")
}

pub fn sign<T: Serialize>(key: &SigningKey, body: &T) -> String {
    hex(&key.sign(&signed_bytes(body)).to_bytes())
}

/// Checks a signature against the public key named in the body.
pub fn verify(body: &DecisionBody, signature: &str) -> Result<(), ReviewError> {
    verify_signed(body, &body.signer_key, signature)
}

/// Checks a signature over any signed body against the signer's public key (hex).
pub fn verify_signed<T: Serialize>(body: &T, signer_key: &str, signature: &str) -> Result<(), ReviewError> {
    let damaged = |what: &str| ReviewError::DamagedDecision(what.to_string());
    let key: [u8; 32] = pitchbridge_core::hex::decode(signer_key)
        .and_then(|k| k.try_into().ok())
        .ok_or_else(|| damaged("the signer's public key is not a key"))?;
    let key = VerifyingKey::from_bytes(&key).map_err(|_| damaged("the signer's public key is not a key"))?;
    let sig: [u8; 64] = pitchbridge_core::hex::decode(signature)
        .and_then(|s| s.try_into().ok())
        .ok_or_else(|| damaged("its signature is not a signature"))?;
    key.verify(&signed_bytes(body), &Signature::from_bytes(&sig)).map_err(|_| ReviewError::BadSignature)
}

/// A decision on a training kit: what a reviewer signs when they approve a launch's kit for
/// an audience, or ask for changes. Signed over the kit's items as sent (their fingerprint)
/// and the approved pitch versions they were made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KitDecisionBody {
    /// Always "training-kit": a kit's decision can never be read as a pitch's.
    pub subject: String,
    pub workspace_id: String,
    pub launch_id: i64,
    pub audience_id: i64,
    /// "Launch — Channel × Persona".
    pub kit_title: String,
    /// The review request the kit was sent with.
    pub request_id: i64,
    /// "approved" or "changes-requested".
    pub outcome: String,
    pub meaning: String,
    pub signer_name: String,
    pub signer_email: String,
    pub signer_key: String,
    pub signed_at: String,
    /// The items and certification settings as sent.
    pub kit_fingerprint: String,
    /// (pitch id, approved version fingerprint) of every pitch the items come from.
    pub pitch_fingerprints: Vec<(i64, String)>,
    pub reasons: String,
}

pub const KIT_DECISION_SUBJECT: &str = "training-kit";

#[cfg(test)]
mod tests {
    use super::*;

    fn body(key: &str) -> DecisionBody {
        DecisionBody {
            workspace_id: "w1".into(),
            pitch_id: 2,
            pitch_title: "Close the books sooner".into(),
            pitch_version: 3,
            outcome: "approved".into(),
            meaning: "Approved as accurate to the Factory message, version 3.".into(),
            signer_name: "Priya Raman".into(),
            signer_email: "priya@ledgerline.example".into(),
            signer_key: key.into(),
            signed_at: "2027-01-15T10:00:00Z".into(),
            base_fingerprint: "ab".repeat(16),
            pitch_fingerprint: "ab".repeat(16),
            claim_fingerprints: vec![(1, "cd".repeat(16)), (4, "ef".repeat(16))],
            reasons: String::new(),
            edits: None,
            comments: vec![],
            confirmed_items: vec![],
            overrides: vec![],
        }
    }

    #[test]
    fn a_key_opens_only_with_its_passphrase_and_signs_what_was_seen() {
        assert_eq!(new_key("short").unwrap_err(), ReviewError::WeakPassphrase);
        let stored = new_key("correct horse battery").unwrap();
        assert_eq!(unlock(&stored, "wrong horse battery").unwrap_err(), ReviewError::WrongPassphrase);
        let key = unlock(&stored, "correct horse battery").unwrap();
        let b = body(&stored.public_key);
        let sig = sign(&key, &b);
        assert_eq!(verify(&b, &sig), Ok(()));

        // Any change to what was signed breaks it.
        for tamper in [
            |b: &mut DecisionBody| b.outcome = "changes-requested".into(),
            |b: &mut DecisionBody| b.pitch_fingerprint = "00".repeat(16),
            |b: &mut DecisionBody| b.claim_fingerprints[1].1 = "00".repeat(16),
            |b: &mut DecisionBody| b.signed_at = "2027-02-01T00:00:00Z".into(),
            |b: &mut DecisionBody| b.pitch_id = 3,
            |b: &mut DecisionBody| b.workspace_id = "w2".into(),
            |b: &mut DecisionBody| b.confirmed_items.push("facts-checked".into()),
        ] {
            let mut t = b.clone();
            tamper(&mut t);
            assert_eq!(verify(&t, &sig), Err(ReviewError::BadSignature));
        }
        // Another person's key claiming the same body.
        let other = unlock(&new_key("another passphrase").unwrap(), "another passphrase").unwrap();
        assert_eq!(verify(&b, &sign(&other, &b)), Err(ReviewError::BadSignature));
        // Hex that is not hex, or not even ASCII, is refused without a panic.
        for bad in ["0ü0ü", "zz", "abc"] {
            // Named for what it is: the decision's signature, never "the key file".
            let err = verify(&b, bad).unwrap_err();
            assert_eq!(err.to_string(), "The decision is damaged: its signature is not a signature.");
            let mut odd = b.clone();
            odd.signer_key = bad.into();
            let err = verify(&odd, &sig).unwrap_err();
            assert!(err.to_string().contains("the signer's public key is not a key"), "{err}");
        }
        // A damaged key file.
        let mut damaged = stored.clone();
        damaged.ciphertext.replace_range(0..2, "zz");
        assert!(matches!(unlock(&damaged, "correct horse battery"), Err(ReviewError::Damaged(_))));
    }

    #[test]
    fn a_kits_decision_is_signed_the_same_way_and_never_passes_for_another() {
        let stored = new_key("correct horse battery").unwrap();
        let key = unlock(&stored, "correct horse battery").unwrap();
        let kit = KitDecisionBody {
            subject: KIT_DECISION_SUBJECT.into(),
            workspace_id: "w1".into(),
            launch_id: 1,
            audience_id: 3,
            kit_title: "Ledgerline 4.0 launch — VAR × IT director".into(),
            request_id: 7,
            outcome: "approved".into(),
            meaning: "Approved as the training kit.".into(),
            signer_name: "Priya Raman".into(),
            signer_email: "priya@ledgerline.example".into(),
            signer_key: stored.public_key.clone(),
            signed_at: "2027-01-15T10:00:00Z".into(),
            kit_fingerprint: "ab".repeat(16),
            pitch_fingerprints: vec![(2, "cd".repeat(16))],
            reasons: String::new(),
        };
        let sig = sign(&key, &kit);
        assert_eq!(verify_signed(&kit, &kit.signer_key, &sig), Ok(()));
        let mut other = kit.clone();
        other.pitch_fingerprints[0].1 = "00".repeat(16);
        assert_eq!(verify_signed(&other, &kit.signer_key, &sig), Err(ReviewError::BadSignature));
        // A pitch's decision signed by the same key does not stand for the kit's, nor the reverse.
        let pitch = body(&stored.public_key);
        assert_eq!(verify(&pitch, &sig), Err(ReviewError::BadSignature));
        assert_eq!(verify_signed(&kit, &kit.signer_key, &sign(&key, &pitch)), Err(ReviewError::BadSignature));
    }

    #[test]
    fn a_decision_file_reads_back_and_other_files_are_named_for_what_they_are() {
        let file = DecisionFile { format: DECISION_FORMAT.into(), decision: body(&"00".repeat(32)), signature: "ab".into() };
        let bytes = serde_json::to_vec(&file).unwrap();
        assert_eq!(parse_decision_file(&bytes).unwrap(), file);
        for bad in [&b"\x00\x01garbage"[..], b"{}", br#"{"format":"pitchbridge-decision/1"}"#] {
            assert!(matches!(parse_decision_file(bad), Err(ReviewError::NotADecision(_))), "{:?}", String::from_utf8_lossy(bad));
        }
    }
}
