import { describe, expect, it } from "vitest";
import type { MyExpiring } from "../lib/bindings";
import { expiringNotice, noticeDue, noticeKey } from "./notice";

describe("the start-up notice of what expires", () => {
  const item = (over: Partial<MyExpiring>): MyExpiring => ({
    launchId: 1,
    launchName: "Ledgerline 4.0",
    pitchId: 1,
    title: "One-pager",
    expiresOn: "2027-01-20",
    daysLeft: 5,
    toVerify: true,
    ...over,
  });

  it("says nothing when nothing is the person's", () => {
    expect(expiringNotice([])).toBeNull();
  });

  it("names one approval and whose it is", () => {
    expect(expiringNotice([item({ daysLeft: 1 })])).toEqual({ text: "An approval that is yours to re-verify: “One-pager” expires tomorrow.", launchId: 1 });
    expect(expiringNotice([item({ toVerify: false, daysLeft: -3 })])!.text).toBe("An approval that is yours to update (you wrote it): “One-pager” expired 3 days ago.");
  });

  it("names three, counts the rest, and opens the soonest one's launch", () => {
    const items = [
      item({ title: "A", daysLeft: 0, launchId: 7 }),
      item({ title: "B", daysLeft: 2, toVerify: false }),
      item({ title: "C", daysLeft: 9 }),
      item({ title: "D", daysLeft: 14 }),
    ];
    const n = expiringNotice(items)!;
    expect(n.launchId).toBe(7);
    expect(n.text).toBe("4 approvals within two weeks of expiry are yours to re-verify or update: “A” expires today; “B” expires in 2 days; “C” expires in 9 days, and 1 more.");
  });

  it("is shown once a day per workspace", () => {
    expect(noticeDue(null, "2027-01-15")).toBe(true);
    expect(noticeDue("2027-01-15", "2027-01-15")).toBe(false);
    expect(noticeDue("2027-01-14", "2027-01-15")).toBe(true);
    expect(noticeKey("/a/w.pitchbridge")).not.toBe(noticeKey("/b/w.pitchbridge"));
  });
});
