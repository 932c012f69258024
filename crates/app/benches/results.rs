//! Results at scale: a 1,000,000-row Salesforce opportunity report (about 150 MB) generated,
//! read alone (parse only), imported into a workspace (and re-imported, every deal unchanged),
//! and a launch's results over the million deals. Prints each time and the process's peak
//! memory, which stays small because rows stream from the file into SQLite.
//! Targets: import ≤ 10 s; results ≤ 500 ms.
//!
//! `cargo bench -p pitchbridge-app --bench results`

use std::io::Write;
use std::time::Instant;

use pitchbridge_app::results::MappingChoice;
use pitchbridge_app::App;
use pitchbridge_bench_support::Rng;
use pitchbridge_core::clock::FixedClock;
use pitchbridge_results::deals::DealMapping;
use pitchbridge_results::table::{sniff, TableReader};

const DEALS: u64 = 1_000_000;
const REPS: u64 = 2_000;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn write_report(path: &std::path::Path) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut rng = Rng::new(42);
    let regions = ["EMEA", "North America", "APAC", "LATAM"];
    writeln!(f, "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Owner Email,Stage,Close Date,Amount,Opportunity Currency,Type,Region,Product Family,Loss Reason").unwrap();
    for k in 0..DEALS {
        let rep = rng.below(REPS);
        let region = regions[(rep % 4) as usize];
        let won = rng.below(100) < 35;
        let (m, d, y) = (1 + rng.below(12), 1 + rng.below(28), 2025 + rng.below(2));
        let amount = 5_000 + rng.below(60_000);
        let cents = rng.below(100);
        let kind = if rng.below(10) < 4 { "Existing Customer - Upgrade" } else { "New Customer" };
        let stage = if won { "Closed Won" } else { "Closed Lost" };
        let loss = if won { "" } else { ["Price", "No budget this year", "Chose competitor"][rng.below(3) as usize] };
        writeln!(
            f,
            "006Q{k:011},Coldtrace rollout for account {a},Account {a} Logistics GmbH,Rep {rep},rep{rep:04}@northwind.example,{stage},{m}/{d}/{y},{amount}.{cents:02},USD,{kind},{region},Coldtrace,{loss}",
            a = k % 50_000
        )
        .unwrap();
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("opportunities.csv");
    write_report(&csv);
    let bytes = std::fs::metadata(&csv).unwrap().len();
    println!("report: {DEALS} rows, {:.0} MB", bytes as f64 / 1e6);

    // Reading alone: every row parsed into a deal, nothing kept.
    let t = Instant::now();
    let format = sniff(&csv, None).unwrap();
    let columns = DealMapping::preset("salesforce").unwrap().resolve(&format).unwrap();
    let mut rows = TableReader::open(&csv, &format).unwrap();
    rows.next_row();
    let mut read = 0u64;
    while let Some(r) = rows.next_row() {
        if columns.read(&r.unwrap()).is_ok() {
            read += 1;
        }
    }
    println!("parse only: {read} deals in {:.2} s", t.elapsed().as_secs_f64());

    let mut app = App::new(Box::new(FixedClock("2027-01-15T10:00:00Z".into())));
    let ws = dir.path().join("results.pitchbridge");
    app.open_or_create(&ws, false).unwrap();
    {
        let db = rusqlite::Connection::open(&ws).unwrap();
        db.execute_batch("INSERT INTO launch (name, product, launch_date, created_at, updated_at) VALUES ('Coldtrace 2 launch', 'Coldtrace', '2025-01-01', 'x', 'x');").unwrap();
    }
    let roster = dir.path().join("roster.csv");
    let mut r = String::from("Name,Email,Region\n");
    for i in 0..REPS {
        r.push_str(&format!("Rep {i},rep{i:04}@northwind.example,{}\n", ["EMEA", "North America", "APAC", "LATAM"][(i % 4) as usize]));
    }
    std::fs::write(&roster, r).unwrap();
    app.import_people(&roster, None).unwrap();
    let completions = dir.path().join("completions.csv");
    let mut c = String::from("User Email,Course Title,Completion Status,Completion Date\n");
    for i in (0..REPS).step_by(2) {
        c.push_str(&format!("rep{i:04}@northwind.example,Coldtrace 2 launch,passed,2025-{:02}-15\n", 1 + i % 12));
    }
    std::fs::write(&completions, c).unwrap();
    app.import_training(&completions, None, None).unwrap();

    let mut reports = 0;
    let t = Instant::now();
    let out = app.import_deals(&csv, &MappingChoice::Named("salesforce".into()), &mut |_, _| reports += 1).unwrap();
    println!("import: {} added in {:.2} s ({reports} progress reports)", out.counts.added, t.elapsed().as_secs_f64());
    let t = Instant::now();
    let again = app.import_deals(&csv, &MappingChoice::Named("salesforce".into()), &mut |_, _| {}).unwrap();
    println!("re-import: {} unchanged in {:.2} s", again.counts.unchanged, t.elapsed().as_secs_f64());

    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let r = app.launch_results(1, true).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(r.results.deals, DEALS);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("results over {DEALS} deals: median {:.0} ms (min {:.0}, max {:.0})", times[2], times[0], times[4]);
    // Of which: reading the launch's deals from SQLite, with nothing done with them.
    let store = pitchbridge_app::store::Workspace::open(&ws, false).unwrap();
    let mut scan = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let mut n = 0u64;
        store.for_each_closed_deal("Coldtrace", 0, |_| n += 1).unwrap();
        scan.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(n, DEALS);
    }
    scan.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("  of which reading the deals from SQLite: median {:.0} ms", scan[2]);
    println!("peak memory: {:.0} MB", peak_rss_mb());
}
