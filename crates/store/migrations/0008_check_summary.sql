-- What the checks last found in each pitch: its count of open errors, made by the checks whose
-- identity (a hash of their code and word lists) is kept with it. Readiness counts open errors
-- on every pitch of a launch, and `status` on every launch; with the count kept, neither runs
-- the checks again, nor loads a pitch, while nothing the checks read has changed.
--
-- The triggers below remove a pitch's count when anything the checks read for it changes: its
-- text and links, the claims and messages of its launch, the launch's product and positioning,
-- its audience and their research, its dismissals, and the workspace's glossary, dictionary,
-- rule settings and collateral types. Only ever a shortcut: a count that is missing is made
-- again, and the table can be emptied at any time.
CREATE TABLE pitch_check_summary (
    pitch_id    INTEGER PRIMARY KEY REFERENCES pitch(id) ON DELETE CASCADE,
    identity    TEXT NOT NULL,
    open_errors INTEGER NOT NULL CHECK (open_errors >= 0)
) STRICT;


-- A pitch's own text, links, row and dismissals.
CREATE TRIGGER check_summary_pitch_update AFTER UPDATE ON pitch BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = OLD.id;
    DELETE FROM pitch_check_summary WHERE pitch_id = NEW.id;
END;
CREATE TRIGGER check_summary_pitch_block_insert AFTER INSERT ON pitch_block BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = NEW.pitch_id;
END;
CREATE TRIGGER check_summary_pitch_block_update AFTER UPDATE ON pitch_block BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = OLD.pitch_id;
    DELETE FROM pitch_check_summary WHERE pitch_id = NEW.pitch_id;
END;
CREATE TRIGGER check_summary_pitch_block_delete AFTER DELETE ON pitch_block BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = OLD.pitch_id;
END;
CREATE TRIGGER check_summary_block_claim_link_insert AFTER INSERT ON block_claim_link BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = (SELECT pitch_id FROM pitch_block WHERE id = NEW.block_id);
END;
CREATE TRIGGER check_summary_block_claim_link_update AFTER UPDATE ON block_claim_link BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = (SELECT pitch_id FROM pitch_block WHERE id = OLD.block_id);
    DELETE FROM pitch_check_summary WHERE pitch_id = (SELECT pitch_id FROM pitch_block WHERE id = NEW.block_id);
END;
CREATE TRIGGER check_summary_block_claim_link_delete AFTER DELETE ON block_claim_link BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = (SELECT pitch_id FROM pitch_block WHERE id = OLD.block_id);
END;
CREATE TRIGGER check_summary_finding_dismissal_insert AFTER INSERT ON finding_dismissal BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = NEW.pitch_id;
END;
CREATE TRIGGER check_summary_finding_dismissal_update AFTER UPDATE ON finding_dismissal BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = OLD.pitch_id;
    DELETE FROM pitch_check_summary WHERE pitch_id = NEW.pitch_id;
END;
CREATE TRIGGER check_summary_finding_dismissal_delete AFTER DELETE ON finding_dismissal BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id = OLD.pitch_id;
END;

-- Its launch: the product, the positioning, the messages and their claims.
CREATE TRIGGER check_summary_launch_update AFTER UPDATE ON launch BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE launch_id = OLD.id);
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE launch_id = NEW.id);
END;
CREATE TRIGGER check_summary_factory_message_insert AFTER INSERT ON factory_message BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE launch_id = NEW.launch_id);
END;
CREATE TRIGGER check_summary_factory_message_update AFTER UPDATE ON factory_message BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE launch_id = OLD.launch_id);
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE launch_id = NEW.launch_id);
END;
CREATE TRIGGER check_summary_factory_message_delete AFTER DELETE ON factory_message BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE launch_id = OLD.launch_id);
END;
CREATE TRIGGER check_summary_message_version_insert AFTER INSERT ON message_version BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id WHERE m.id = NEW.message_id);
END;
CREATE TRIGGER check_summary_message_version_update AFTER UPDATE ON message_version BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id WHERE m.id = OLD.message_id);
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id WHERE m.id = NEW.message_id);
END;
CREATE TRIGGER check_summary_message_version_delete AFTER DELETE ON message_version BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id WHERE m.id = OLD.message_id);
END;
CREATE TRIGGER check_summary_claim_insert AFTER INSERT ON claim BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id WHERE m.id = NEW.message_id);
END;
CREATE TRIGGER check_summary_claim_update AFTER UPDATE ON claim BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id WHERE m.id = OLD.message_id);
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id WHERE m.id = NEW.message_id);
END;
CREATE TRIGGER check_summary_claim_delete AFTER DELETE ON claim BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id WHERE m.id = OLD.message_id);
END;
CREATE TRIGGER check_summary_claim_revision_insert AFTER INSERT ON claim_revision BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id JOIN claim c ON c.message_id = m.id WHERE c.id = NEW.claim_id);
END;
CREATE TRIGGER check_summary_claim_revision_update AFTER UPDATE ON claim_revision BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id JOIN claim c ON c.message_id = m.id WHERE c.id = OLD.claim_id);
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id JOIN claim c ON c.message_id = m.id WHERE c.id = NEW.claim_id);
END;
CREATE TRIGGER check_summary_claim_revision_delete AFTER DELETE ON claim_revision BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT p.id FROM pitch p JOIN factory_message m ON m.launch_id = p.launch_id JOIN claim c ON c.message_id = m.id WHERE c.id = OLD.claim_id);
END;

-- Its audience and their research.
CREATE TRIGGER check_summary_audience_update AFTER UPDATE ON audience BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE audience_id = OLD.id);
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE audience_id = NEW.id);
END;
CREATE TRIGGER check_summary_audience_research_insert AFTER INSERT ON audience_research BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE audience_id = NEW.audience_id);
END;
CREATE TRIGGER check_summary_audience_research_update AFTER UPDATE ON audience_research BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE audience_id = OLD.audience_id);
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE audience_id = NEW.audience_id);
END;
CREATE TRIGGER check_summary_audience_research_delete AFTER DELETE ON audience_research BEGIN
    DELETE FROM pitch_check_summary WHERE pitch_id IN (SELECT id FROM pitch WHERE audience_id = OLD.audience_id);
END;

-- The workspace's glossary, dictionary, rule settings and collateral types: every pitch.
CREATE TRIGGER check_summary_glossary_term_insert AFTER INSERT ON glossary_term BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_glossary_term_update AFTER UPDATE ON glossary_term BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_glossary_term_delete AFTER DELETE ON glossary_term BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_dictionary_word_insert AFTER INSERT ON dictionary_word BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_dictionary_word_update AFTER UPDATE ON dictionary_word BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_dictionary_word_delete AFTER DELETE ON dictionary_word BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_check_setting_insert AFTER INSERT ON check_setting BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_check_setting_update AFTER UPDATE ON check_setting BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_check_setting_delete AFTER DELETE ON check_setting BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_collateral_type_insert AFTER INSERT ON collateral_type BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_collateral_type_update AFTER UPDATE ON collateral_type BEGIN
    DELETE FROM pitch_check_summary;
END;
CREATE TRIGGER check_summary_collateral_type_delete AFTER DELETE ON collateral_type BEGIN
    DELETE FROM pitch_check_summary;
END;
