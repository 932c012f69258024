//! Measuring individual results as the essay asks, honestly: the files people already have (a
//! rep roster, a learning system's completions, CRM deal exports) read as Excel and CRMs write
//! them, and the comparison of certified with uncertified reps, raw and adjusted for what
//! sales-out data confuses with skill. No SQLite and no UI here: the store keeps what is read,
//! the app joins the two.

pub mod amount;
pub mod analysis;
pub mod columns;
pub mod completions;
pub mod day;
pub mod deals;
pub mod feedback;
pub mod roster;
pub mod stats;
pub mod table;

pub use analysis::{analyse, DealInput, RepInput, Results};
pub use day::Day;
