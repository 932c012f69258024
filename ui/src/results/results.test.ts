import { describe, expect, it } from "vitest";
import { groupWords, intervalGeometry, pointSpan, points, percent, rateSpan } from "./results";

describe("results wording", () => {
  it("says rates, differences and intervals as people read them", () => {
    expect(percent(0.4213)).toBe("42.1%");
    expect(percent(null)).toBe("—");
    expect(points(0.052)).toBe("+5.2 points");
    expect(points(-0.0149)).toBe("−1.5 points");
    expect(points(0.0001)).toBe("0 points");
    expect(rateSpan([0.41, 0.45])).toBe("41.0% to 45.0%");
    expect(pointSpan([-0.01, 0.05])).toBe("−1.0 to +5.0 points");
    expect(groupWords({ deals: 12, won: 5, win_rate: 5 / 12, ci95: null, mean_won_amount: null, mean_won_amount_ci95: null, small_sample: true })).toBe("12 deals, 5 won — few deals: read as a hint");
  });
});

describe("interval chart", () => {
  it("puts rates on 0–100% and differences around zero on a round scale", () => {
    const g = intervalGeometry([{ label: "Certified", value: 0.5, ci: [0.4, 0.6] }], "rate", 600, 200);
    const row = g.rows[0]!;
    expect(row.x).toBeCloseTo((200 + 576) / 2);
    expect(row.lo! < row.x! && row.x! < row.hi!).toBe(true);
    expect(g.zeroX).toBeNull();
    const d = intervalGeometry(
      [
        { label: "Raw", value: 0.12, ci: [0.09, 0.15] },
        { label: "Adjusted", value: 0.01, ci: [-0.03, 0.05] },
      ],
      "difference",
      600,
      200,
    );
    expect(d.ticks.map((t) => t.text)).toEqual(["−20", "−10", "0", "+10", "+20"]);
    expect(d.zeroX).toBeCloseTo((200 + 576) / 2);
    expect(d.rows[1]!.lo! < d.zeroX! && d.zeroX! < d.rows[1]!.hi!).toBe(true);
    expect(d.rows[0]!.title).toBe("Raw: +12.0 points (95% interval +9.0 to +15.0 points)");
    const none = intervalGeometry([{ label: "Before", value: null, ci: null }], "rate", 600);
    expect(none.rows[0]!.x).toBeNull();
    expect(none.rows[0]!.title).toBe("Before: no deals");
  });
});
