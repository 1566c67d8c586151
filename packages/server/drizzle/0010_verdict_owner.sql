-- Who may take a verdict back: the account or the browser that gave it (see
-- src/review/verdictOwner.ts). Verdicts given before have none and cannot be taken back.
ALTER TABLE `shot_verdicts` ADD `owner_key` text;
