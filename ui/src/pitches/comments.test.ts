// @vitest-environment jsdom
import "./editor/jsdom-shims";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Comment } from "../lib/bindings";

// The review's comment threads on a loaded pitch: commenting needs words, a reply keeps the
// thread's words, resolving shows the new review state, and a chosen thread shows its words.

vi.mock("../lib/api", async () => (await import("./fake-api")).fakeApi());

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { loaded, mocked, resetWorkspace, review } = await import("./session.fixtures");

beforeEach(resetWorkspace);

function thread(over: Partial<Comment> = {}): Comment {
  return { id: 7, parentId: null, target: { kind: "block", key: "p" }, start: 0, end: 9, quote: "Month-end", body: "", author: "", createdAt: "", resolvedAt: null, outdated: false, ...over };
}

describe("comments", () => {
  it("counts the open threads on each claim's words", () => {
    const s = loaded({ review: { comments: [thread({ target: { kind: "claim", id: 11 } }), thread({ id: 8, target: { kind: "claim", id: 11 }, resolvedAt: "then" }), thread({ id: 9 })] } });
    expect([...s.comments.counts]).toEqual([[11, 1]]);
  });

  it("needs selected words to comment on", async () => {
    const s = loaded();
    await s.comments.commentOnSelection();
    expect(s.notice).toBe("Select the words you want to comment on, in the pitch or in a claim, then Comment.");
    expect(ui.dialog).toBeNull();
  });

  it("replies on the thread's own words", () => {
    const s = loaded();
    s.comments.reply(thread());
    expect(ui.dialog).toMatchObject({ kind: "comment", pitchId: 2, target: { kind: "block", key: "p" }, start: 0, end: 9, quote: "Month-end", parentId: 7 });
  });

  it("resolves a thread and shows the review as it is now", async () => {
    const s = loaded();
    mocked(api.resolveComment).mockResolvedValue(review({ comments: [thread({ resolvedAt: "now" })] }));
    await s.comments.resolve(thread(), true);
    expect(api.resolveComment).toHaveBeenCalledWith({ pitchId: 2, commentId: 7, resolved: true });
    expect(s.review?.comments[0]?.resolvedAt).toBe("now");
  });

  it("makes a chosen thread on a claim the active one and selects the claim", () => {
    const s = loaded();
    s.comments.select(thread({ id: 9, target: { kind: "claim", id: 12 } }));
    expect(s.comments.active).toBe(9);
    expect([...s.linking.selected]).toEqual([12]);
  });
});
