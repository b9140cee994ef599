-- 0008-board-language.sql for PostgreSQL 15: the language a community's
-- boards, reports and certificates are printed in, whatever the language
-- of the desktop or of the shell that prints them (see
-- ../0008-board-language.sql).
ALTER TABLE community ADD COLUMN board_language text NOT NULL DEFAULT 'zh_CN'
  CHECK (board_language IN ('zh_CN', 'en'));
