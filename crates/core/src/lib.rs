//! The Pitchbridge domain, with no storage and no UI in it.
//!
//! Everything here is a pure function of its inputs: time and ids are passed in, so tests are
//! exact and the same input always gives the same output.

pub mod align;
pub mod audit;
pub mod clock;
pub mod collateral;
pub mod controls;
pub mod doc;
pub mod files;
pub mod fingerprint;
pub mod hex;
pub mod links;
pub mod model;
pub mod readiness;
pub mod redline;
pub mod split;
pub mod workflow;

pub use model::{Id, ClaimKind, Launch, LaunchInput, FactoryMessage, Claim, Research, Audience, AudienceInput, PitchStatus, Pitch, BlockKind, PitchBlock, GlossaryRule, GlossaryTerm, GlossaryInput, validate_launch, validate_audience};
