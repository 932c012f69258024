-- Pitch blocks become the editor's document: each gets a key the editor assigns (links and
-- the editor find a block by it, whatever its position), and its content becomes styled runs:
--   {"level": 0|2|3, "numbered": bool, "runs": [{"text", "bold"?, "italic"?, "link"?}]}
-- The kind column's CHECK predates numbered lists, so a numbered item is stored with kind
-- 'bullet' and "numbered": true in its content.
ALTER TABLE pitch_block ADD COLUMN key TEXT NOT NULL DEFAULT '';
UPDATE pitch_block SET key = 'b' || id;
CREATE UNIQUE INDEX pitch_block_key ON pitch_block(pitch_id, key);
UPDATE pitch_block SET content = json_object(
    'level', CASE kind WHEN 'heading' THEN 2 ELSE 0 END,
    'numbered', json('false'),
    'runs', CASE WHEN text = '' THEN json_array() ELSE json_array(json_object('text', text)) END
);

-- How the writer resolved the link's last stale flag ('revised' the paragraph, or it
-- 'still-holds'), and when: the reviewer sees it.
ALTER TABLE block_claim_link ADD COLUMN resolution TEXT NOT NULL DEFAULT ''
    CHECK (resolution IN ('', 'revised', 'still-holds'));
ALTER TABLE block_claim_link ADD COLUMN resolved_at TEXT;
