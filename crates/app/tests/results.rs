//! Results with no window: the roster, a learning system's completions matched to the demo's
//! kits by course title, HubSpot deals, and who sees what — the comparison for everyone in
//! the workspace, per-rep figures for its owner alone; the deals behind a figure.

mod common;

use pitchbridge_app::profile::SaveProfileRequest;
use pitchbridge_app::results::{DealGroup, MappingChoice};
use pitchbridge_app::{App, ErrorCode};

fn person(dir: &std::path::Path, who: &str, path: &std::path::Path) -> App {
    let mut a = common::app();
    a.set_profile_dir(dir.join(format!("profile-{who}")));
    a.save_profile(SaveProfileRequest { name: who.into(), email: format!("{}@ledgerline.example", who.to_lowercase()), role: "writer".into() }).unwrap();
    a.open_or_create(path, true).unwrap();
    a
}

#[test]
fn the_owner_sees_reps_others_see_the_comparison_and_the_deals_behind_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.pitchbridge");
    let mut mira = person(dir.path(), "Mira", &ws);
    let launch = mira.list_launches().unwrap()[0].launch.id;

    let roster = dir.path().join("reps.csv");
    std::fs::write(&roster, "Name,Email,Partner,Region\nAvery Stone,avery@ledgerline.example,,EMEA\nBo Lind,bo@partner.example,Northwind Partners,EMEA\n").unwrap();
    let people = mira.import_people(&roster, None).unwrap();
    assert_eq!((people.added, people.updated), (2, 0));

    // Completions name the SCORM package by its title: "<launch> — <channel> × <persona>".
    let lms = dir.path().join("lms.csv");
    std::fs::write(
        &lms,
        "Learner Email,Course Name,Lesson Status,Date Completed,Score\n\
         avery@ledgerline.example,Ledgerline 4.0 launch — VAR × IT director,passed,2027-03-05,92\n\
         bo@partner.example,Ledgerline 4.0 launch — VAR × IT director,incomplete,,\n\
         carol@nowhere.example,Ledgerline 4.0 launch — VAR × IT director,passed,2027-03-05,90\n\
         bo@partner.example,Some other course,passed,2027-03-05,90\n",
    )
    .unwrap();
    let t = mira.import_training(&lms, None, None).unwrap();
    assert_eq!(t.recorded, 2, "Avery's pass and Bo's attempt");
    assert_eq!(t.unknown_people, vec![("carol@nowhere.example".to_string(), 1)]);
    assert_eq!(t.unknown_courses, vec![("Some other course".to_string(), 1)]);

    let deals = dir.path().join("deals.csv");
    let mut csv = String::from("Record ID,Deal owner,Deal Stage,Close Date,Amount,Pipeline,Deal Type\n");
    for i in 0..40 {
        let owner = if i % 2 == 0 { "avery@ledgerline.example" } else { "Bo Lind" };
        let stage = if i % 3 == 0 { "Closed lost" } else { "Closed won" };
        csv.push_str(&format!("{i},{owner},{stage},2027-03-{:02} 09:00,{},Ledgerline,newbusiness\n", 6 + i % 20, 1000 + i));
    }
    std::fs::write(&deals, csv).unwrap();
    let mut reports = Vec::new();
    let done = mira.import_deals(&deals, &MappingChoice::Named("hubspot".into()), &mut |at, total| reports.push((at, total))).unwrap();
    assert_eq!(done.counts.added, 40);
    assert_eq!(reports.last().map(|r| r.0 == r.1), Some(true), "progress ends at the file's size");

    // With no owner named, whoever opens the workspace sees the reps; Bo is matched by name.
    let r = mira.launch_results(launch, true).unwrap();
    assert_eq!((r.results.deals, r.results.attributed), (40, 40));
    assert_eq!(r.results.reps.len(), 2);
    assert_eq!(r.results.certified.deals, 20, "Avery's deals, all after her pass");
    let kit = &r.training_by_kit[0];
    assert_eq!((r.training_by_kit.len(), kit.kit.as_str()), (1, "VAR × IT director"));
    let state = |name: &str| kit.states.iter().find(|(s, _)| serde_json::to_value(s).unwrap() == name).unwrap().1;
    assert_eq!((state("passed"), state("in-progress"), state("not-started")), (1, 1, 0));
    mira.set_workspace_owner(None).unwrap();

    let sam = person(dir.path(), "Sam", &ws);
    let err = sam.launch_results(launch, true).unwrap_err();
    assert_eq!(err.code, ErrorCode::ReviewRefused);
    assert!(err.message.contains("mira@ledgerline.example"), "{}", err.message);
    let shared = sam.launch_results(launch, false).unwrap();
    assert!(shared.results.reps.is_empty() && !shared.per_rep);
    assert_eq!(shared.results.certified, r.results.certified);

    let behind = sam.results_deals(launch, DealGroup::Certified, 5).unwrap();
    assert_eq!((behind.total, behind.deals.len()), (20, 5));
    assert!(behind.deals.iter().all(|d| d.certified && d.owner == "avery@ledgerline.example"));
    assert!(behind.deals.windows(2).all(|w| w[0].close_date >= w[1].close_date), "most recent first");
    assert_eq!(sam.results_deals(launch, DealGroup::Lost, 100).unwrap().total, 14);
}
