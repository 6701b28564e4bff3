-- chanops ledger, version 9: facts about the ledger itself, one row each. 'zone' is the ledger's time zone (every
-- local date and time in it is in that zone), recorded by 'chanops init', or on the first open of a ledger made
-- before this version; 'made_by' marks a ledger made by 'chanops demo'.

CREATE TABLE ledger_setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
